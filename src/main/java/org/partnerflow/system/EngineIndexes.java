package org.partnerflow.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The indexes Partnerflow adds to the engine's tables ({@link JobAcquisition}, {@link TaskQueryAuthorization}):
 * created by the application at start, since Flyway owns only the register's tables and the engine makes its
 * own schema. The statements are plain SQL that H2 and PostgreSQL both take; docs/operations.md lists them for
 * a DBA where the application's database user may not change the schema.
 */
final class EngineIndexes {

  private EngineIndexes() {
  }

  /** Whether the table has the index, whatever case the database keeps names in. */
  static boolean exists(Connection connection, String table, String index) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    for (String name : new String[] {table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT)}) {
      try (ResultSet indexes = metaData.getIndexInfo(null, null, name, false, false)) {
        while (indexes.next()) {
          String found = indexes.getString("INDEX_NAME");
          if (found != null && found.toLowerCase(Locale.ROOT).equals(index.toLowerCase(Locale.ROOT))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Runs one schema statement and commits it where the connection does not. */
  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }
}
