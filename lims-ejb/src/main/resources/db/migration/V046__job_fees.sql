-- Issue 15: the fee of a job as decided when it is received (the price list's line, the district it is counted in),
-- so that the free-verification report for the finance department counts what was waived, as it was decided.
alter table verification_job add column fee_category varchar(40);
alter table verification_job add column fee_amount numeric(10,2);
alter table verification_job add column fee_district varchar(60);
-- the reason names the owner (up to 200 characters), the category and the programme, in both languages
alter table verification_job alter column fee_waiver_reason set data type varchar(1000);
