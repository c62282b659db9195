-- Issue 12: the due list and the recall run filter a category's instruments in service by due date (the recall run
-- looks at every category's window every day); at a million instruments that needs its own index. (The notices'
-- own unique key, instrument + due date + kind, already serves the run's "not given yet".)
create index instrument_category_due on instrument_under_test (legal_category, status, next_due_date);
