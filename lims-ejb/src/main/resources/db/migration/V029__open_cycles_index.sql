-- Issue 12: 受检率 counts the cycles still open and overdue (in service, due in the year before today) by district or
-- category. With every column the count reads in one index, PostgreSQL answers from the index alone instead of
-- fetching some 180 000 scattered rows of a million-instrument register (docs/benchmarks.md §8).
create index instrument_open_cycles on instrument_under_test
    (status, next_due_date, legal_category, mandatory_verification, district);
