-- Issue 13: an intermediate check may be made at the bench as a job of its own method (method.check); the check
-- recorded when that job is approved names the job, whose readings keep their device frames and raw bytes.
alter table intermediate_check add column job_number varchar(32);
