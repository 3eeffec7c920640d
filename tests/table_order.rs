//! The table's row order, computed once per filter or sort change.

use armsflow::corpus::{LoadOptions, LoadProgress};
use armsflow::dataset::build_dataset;
use armsflow::extract::Extractor;
use armsflow::view::{DatasetIndex, TableColumn, table_rows};
use std::sync::Arc;

mod common;

#[test]
fn every_column_sorts_both_ways_with_ties_in_dataset_order() {
    let extractor = Extractor::builtin().expect("built-in data loads");
    let dataset = build_dataset(
        &common::fixture("folder"),
        &extractor,
        &LoadOptions::default(),
        &Arc::new(LoadProgress::default()),
    )
    .expect("fixture loads");
    let index = DatasetIndex::new(&dataset);
    let visible: Vec<usize> = (0..dataset.transfers.len()).collect();
    for column in TableColumn::ALL {
        for ascending in [true, false] {
            let rows = table_rows(&dataset, &index, &visible, column, ascending);
            let mut sorted = rows.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, visible, "{column:?}: every visible row once");
            if column == TableColumn::Supplier {
                let names: Vec<&str> = rows
                    .iter()
                    .map(|&i| dataset.transfers[i].supplier.name.as_str())
                    .collect();
                for (pair, rows) in names.windows(2).zip(rows.windows(2)) {
                    let order = if ascending {
                        pair[0].cmp(pair[1])
                    } else {
                        pair[1].cmp(pair[0])
                    };
                    assert!(order.is_le(), "{names:?}");
                    if pair[0] == pair[1] {
                        assert!(rows[0] < rows[1], "ties keep dataset order");
                    }
                }
            }
        }
    }
    // A subset keeps only its rows.
    let some = vec![1, 3, 5];
    let rows = table_rows(&dataset, &index, &some, TableColumn::Date, false);
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| some.contains(r)));
}
