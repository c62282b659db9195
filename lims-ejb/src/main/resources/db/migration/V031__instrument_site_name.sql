-- Issue 12: the due list filters by a site's name ("总店", "南湖区第2农贸市场"), and many owners name a site alike: a
-- name may cover a quarter of the register or a few hundred instruments. Kept on the instrument (as the district is,
-- V028), the filter reads one index in due-date order whatever the name's share, where joining the sites either
-- walks the whole register for a rare name or sorts a quarter of it for a common one (docs/benchmarks.md §8: 704 ms
-- for page 500 of "总店" with the join). A site keeps its name (it names it), so only placing an instrument at a
-- site changes it.
alter table instrument_under_test add column site_name varchar(200);

update instrument_under_test set site_name = (select s.name from owner_site s where s.id = instrument_under_test.site_id)
    where site_id is not null;

create index instrument_site_due on instrument_under_test (site_name, status, next_due_date, id);
