-- Issue 11: a reading the method finds implausible (far from the load the point expects, a loaded zero point) is
-- refused, or accepted only with the technician's stated reason, kept with the reading.
alter table point_reading add column accepted_reason varchar(500);
