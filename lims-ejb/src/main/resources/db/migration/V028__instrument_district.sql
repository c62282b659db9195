-- Issue 12: the district an instrument is used in (its site's, else its owner's) kept on the instrument, so that
-- the due list's district filter and 受检率 by district read one indexed column instead of joining every instrument
-- to its owner and its site (a million instruments: the first benchmark run measured 0.9-1.5 s for a district's
-- page). The register keeps it when an instrument is placed at a site and when a site or an owner moves.
alter table instrument_under_test add column district varchar(60);

update instrument_under_test set district = coalesce(
    (select s.district from owner_site s where s.id = instrument_under_test.site_id),
    (select c.district from customer c where c.id = instrument_under_test.customer_id));

-- the id last: the list orders by due date, then id, and reads its page of ids from the index alone
create index instrument_district_due on instrument_under_test (district, status, next_due_date, id);

-- An import's preview looks up the serial numbers and the asset numbers a file names (a thousand at a time): the
-- unique keys (manufacturer, model, serial) and (owner, asset) do not start with those columns.
create index instrument_serial on instrument_under_test (serial_number);
create index instrument_asset on instrument_under_test (asset_number);
