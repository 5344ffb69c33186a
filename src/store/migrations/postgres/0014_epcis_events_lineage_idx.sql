-- The SQLite migration of this number adds an index covering the columns a
-- trace reads of an event. PostgreSQL keeps the rows as they are: nothing
-- changes here.
SELECT 1;
