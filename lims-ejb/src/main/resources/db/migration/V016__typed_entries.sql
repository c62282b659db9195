-- Issue 10 §4: instruments without an interface. A blood-pressure meter's indication is typed by the technician
-- while the reference pressure is read from the bench device; a leakage test is a start and an end pressure and
-- the time between; an appearance check is "conforms" and a remark. What the technician types at a point is kept
-- with the reading, as typed (value and unit), one row per field the method asks for, in the method's order.
create table reading_entry (
    reading_id  bigint       not null references point_reading (id),
    ordinal     integer      not null,
    name        varchar(40)  not null,
    value_text  varchar(200) not null,
    unit        varchar(16),
    primary key (reading_id, ordinal)
);

-- A point read from nothing but what is typed (the appearance check, a stopwatch time) has no device reading.
alter table point_reading alter column indication_value drop not null;
-- A point without a nominal value (an appearance check) keeps none rather than an invented zero.
alter table test_point alter column load_value drop not null;
