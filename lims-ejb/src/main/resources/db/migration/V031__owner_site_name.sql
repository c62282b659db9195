-- Issue 12: the due list filters by a site's name ("总店", "南湖区第2农贸市场"), and many owners name a site alike.
-- A name that few sites carry is found through this index and then their instruments through instrument_site,
-- rather than by walking the whole register in due-date order (docs/benchmarks.md §8).
create index owner_site_name on owner_site (name);
