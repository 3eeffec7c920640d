//! PDFs written for the tests: born-digital pages of text lines, the document information,
//! and the damaged, scanned and encrypted files a folder may hold.

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, Stream, StringFormat};

/// A PDF whose pages hold `pages` (each a list of lines, drawn top to bottom in Helvetica),
/// with `/Title` and `/CreationDate` when given.
pub fn text_pdf(pages: &[Vec<&str>], title: Option<&str>, created: Option<&str>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    font.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    let font_id = doc.add_object(font);
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(font_id));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    let resources_id = doc.add_object(resources);
    let mut kids = Vec::new();
    for lines in pages {
        let content_id = doc.add_object(Stream::new(Dictionary::new(), page_content(lines)));
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(pages_id));
        page.set("Contents", Object::Reference(content_id));
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Count", Object::Integer(kids.len() as i64));
    tree.set("Kids", Object::Array(kids));
    tree.set("Resources", Object::Reference(resources_id));
    tree.set(
        "MediaBox",
        Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]),
    );
    doc.objects.insert(pages_id, Object::Dictionary(tree));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    let mut info = Dictionary::new();
    for (key, value) in [("Title", title), ("CreationDate", created)] {
        if let Some(v) = value {
            info.set(
                key,
                Object::String(v.as_bytes().to_vec(), StringFormat::Literal),
            );
        }
    }
    let info_id = doc.add_object(info);
    doc.trailer.set("Info", Object::Reference(info_id));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("a PDF is written");
    bytes
}

/// The content stream that draws `lines` 16 points apart from the top of an A4 page.
fn page_content(lines: &[&str]) -> Vec<u8> {
    let mut operations = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec![Object::Name(b"F1".to_vec()), 11.into()]),
        Operation::new("TL", vec![16.into()]),
        Operation::new("Td", vec![72.into(), 780.into()]),
    ];
    for line in lines {
        operations.push(Operation::new(
            "Tj",
            vec![Object::String(
                line.as_bytes().to_vec(),
                StringFormat::Literal,
            )],
        ));
        operations.push(Operation::new("T*", vec![]));
    }
    operations.push(Operation::new("ET", vec![]));
    Content { operations }.encode().expect("content encodes")
}

/// `pdf` marked encrypted with a password nobody gave: its trailer points at a standard
/// security handler whose keys match no password.
pub fn encrypted(pdf: &[u8]) -> Vec<u8> {
    let mut doc = Document::load_mem(pdf).expect("our own PDF loads");
    let mut handler = Dictionary::new();
    handler.set("Filter", Object::Name(b"Standard".to_vec()));
    handler.set("V", Object::Integer(2));
    handler.set("R", Object::Integer(3));
    handler.set("Length", Object::Integer(128));
    handler.set("P", Object::Integer(-3904));
    handler.set(
        "O",
        Object::String(vec![0x11; 32], StringFormat::Hexadecimal),
    );
    handler.set(
        "U",
        Object::String(vec![0x22; 32], StringFormat::Hexadecimal),
    );
    let handler_id = doc.add_object(handler);
    doc.trailer.set("Encrypt", Object::Reference(handler_id));
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(vec![0x33; 16], StringFormat::Hexadecimal),
            Object::String(vec![0x33; 16], StringFormat::Hexadecimal),
        ]),
    );
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("a PDF is written");
    bytes
}
