//! Benchmarks of the SIPRI register check: reading a register the size of SIPRI's full
//! export (about 30,000 deals), and checking about 100,000 transfers against it. Run:
//! `cargo bench --bench register`.

use armsflow::extract::Extractor;
use armsflow::gazetteer::Gazetteer;
use armsflow::register::parse_register;
use armsflow::synthetic::generated_dataset;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;

/// Deals of SIPRI's full export, about.
const DEALS: usize = 30_000;

/// A deal-level register of [`DEALS`] invented deals between the gazetteer's countries, in
/// SIPRI's layout (preamble, header, `?` flags, delivery-year lists).
fn big_register(gazetteer: &Gazetteer) -> Vec<u8> {
    let names: Vec<&str> = gazetteer
        .codes()
        .filter(|(code, _)| code.len() == 2)
        .map(|(_, name)| name)
        .collect();
    let descriptions = [
        "tank",
        "SAM system",
        "armed drone",
        "frigate",
        "towed gun",
        "APC",
    ];
    let mut text = String::from(
        "Transfers of major conventional arms from All countries  to All countries . Deals with deliveries made for the year range 'Not specified' to 'Not specified' \n",
    );
    text.push_str(&"\n".repeat(9));
    text.push_str("Data generated: 1 Jan 2026 0:00:00 AM\n");
    text.push_str("Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n");
    for i in 0..DEALS {
        let recipient = names[i % names.len()];
        let supplier = names[(i * 7 + 3) % names.len()];
        let year = 1950 + (i % 76);
        let description = descriptions[i % descriptions.len()];
        text.push_str(&format!(
            "{recipient},{supplier},{year},?,{n},,Model-{i},{description},{n},?,{year}; {next},New,deal {i},1,1,1\n",
            n = i % 40 + 1,
            next = year + 1,
        ));
    }
    text.into_bytes()
}

fn register(c: &mut Criterion) {
    let extractor = Extractor::builtin().expect("built-in data");
    let bytes = big_register(extractor.gazetteer());
    let mut group = c.benchmark_group("register");
    group.sample_size(10);
    group.bench_function("read_30k_deals", |b| {
        b.iter(|| parse_register(black_box(&bytes), "big.csv", extractor.gazetteer()))
    });
    let register =
        Arc::new(parse_register(&bytes, "big.csv", extractor.gazetteer()).expect("parses"));
    let mut dataset = generated_dataset(120_000, 1, &extractor);
    eprintln!(
        "register: {} deals; {} transfers",
        register.deals.len(),
        dataset.transfers.len()
    );
    group.bench_function("check_100k_transfers", |b| {
        b.iter(|| dataset.set_register(Some(Arc::clone(&register))))
    });
    group.finish();
}

criterion_group!(benches, register);
criterion_main!(benches);
