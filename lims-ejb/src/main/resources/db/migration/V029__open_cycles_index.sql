-- Issue 12: 受检率 counts the cycles still open and overdue (in service, due in the year before today, in a category
-- under mandatory verification) by district or category. With every column that count reads in one index,
-- PostgreSQL answers from the index alone instead of fetching some 180 000 scattered rows of a million-instrument
-- register (docs/benchmarks.md §8). The index of V027 (category, status, due date) is its first half: this one takes
-- its place for the recall run and the due list too, with the id after the due date because the due list orders by
-- due date, then id, and reads its page of ids from the index alone.
drop index instrument_category_due;
create index instrument_category_due on instrument_under_test
    (legal_category, status, next_due_date, id, mandatory_verification, district);
