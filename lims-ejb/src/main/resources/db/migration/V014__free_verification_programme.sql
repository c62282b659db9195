-- Issue 10 §4: the policy behind this system asks for free verification of the medical instruments of
-- township clinics (and of market scales). A customer may belong to a free-verification programme; a job
-- received for such a customer has its fee waived, and the job records the programme and the reason, so
-- that the waiver can be audited and counted.

alter table customer add column free_programme varchar(100);

alter table verification_job add column fee_waived boolean default false not null;
alter table verification_job add column fee_programme varchar(100);
alter table verification_job add column fee_waiver_reason varchar(300);
