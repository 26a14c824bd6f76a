ALTER TABLE "record_access_log" DROP CONSTRAINT "record_access_log_record_id_medical_records_id_fk";
