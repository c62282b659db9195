-- Issue 12: 受检率 reads a year of the verification history twice: the cycles due in the year (closed_due) and the
-- verifications made in it (verified_on), grouped by month, category or district. At five million records the rows
-- of a year are some 750 000 scattered over the table; with every column each query reads held in its index,
-- PostgreSQL answers both from the indexes alone (docs/benchmarks.md §8). They replace the two narrower indexes.
drop index verification_closed_due;
drop index verification_verified_on;
create index verification_closed_due on instrument_verification
    (closed_due, mandatory, verified_on, district, category);
create index verification_verified_on on instrument_verification
    (verified_on, mandatory, passed, district, category);
