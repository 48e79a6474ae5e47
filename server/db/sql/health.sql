-- health: PostGIS version and migration level.
SELECT postgis_lib_version() AS postgis,
       (SELECT coalesce(max(version), 0) FROM schema_migrations) AS "migrationLevel",
       (SELECT count(*) FROM district) AS districts;
