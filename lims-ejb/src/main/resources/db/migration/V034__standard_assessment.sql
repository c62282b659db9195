-- Issue 13: a standard's assessment certificate (计量标准考核证书): its number, the scope it covers and the end of
-- its validity; the re-examination reminder is computed from the end (AssessmentRule, JJF 1033).
alter table measurement_standard add column assessment_certificate varchar(60);
alter table measurement_standard add column assessment_scope varchar(300);
alter table measurement_standard add column assessment_valid_until date;
