-- Lines of the file minus the header, counted when the import is queued: the progress of validation before the
-- exact number of data rows is known.
ALTER TABLE member_import ADD COLUMN rows_estimated int NOT NULL DEFAULT 0;
