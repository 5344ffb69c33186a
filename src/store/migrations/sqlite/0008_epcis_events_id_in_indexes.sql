-- The PostgreSQL migration of this number adds id to the epcis_events
-- indexes on biz_step, disposition, read_point and biz_location, so that a
-- query's page of ids comes from the index alone. A SQLite index already
-- ends with the rowid, which is epcis_events.id: nothing changes here.
SELECT 1;
