package org.partnerflow.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * Seeds many process instances quickly: copies every row of one real, running instance (started
 * through the engine) in the engine's tables, {@code copies} times, with SQL run by the database
 * ({@code INSERT ... SELECT} over a number series), so the copies are what the engine itself would
 * have written: executions, tasks, candidate-group links and the task authorizations the engine grants
 * for them, variables, timer jobs and, when asked, the history rows. Every id that belongs to the
 * template ({@code ID_} of a copied row) gets the suffix {@code -n} wherever it appears; copies are
 * top-level instances (no super execution, their own root). Overrides replace a column of a table with
 * an SQL expression of {@code n}, the copy's number (1..copies).
 */
final class InstanceCopier {

  private static final List<String> RUNTIME_TABLES = List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK",
      "ACT_RU_AUTHORIZATION", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_EVENT_SUBSCR");
  private static final List<String> HISTORY_TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_JOB_LOG");

  private static final int CHUNK = 5_000;

  private final DataSource dataSource;
  private final BenchApp.Database database;

  InstanceCopier(DataSource dataSource, BenchApp.Database database) {
    this.dataSource = dataSource;
    this.database = database;
  }

  /** The SQL for "n days from this timestamp column". */
  String plusDays(String column, String days) {
    return database == BenchApp.Database.POSTGRES ? column + " + (" + days + ") * interval '1 day'"
        : "DATEADD('DAY', " + days + ", " + column + ")";
  }

  /** Copies the instance {@code copies} times; overrides: table → column → SQL expression of {@code n}. */
  void copy(String processInstanceId, int copies, boolean history, Map<String, Map<String, String>> overrides)
      throws SQLException {
    copy(processInstanceId, "c", copies, history, overrides);
  }

  /** The same; {@code tag} makes the ids of this batch of copies differ from another batch's. */
  void copy(String processInstanceId, String tag, int copies, boolean history,
      Map<String, Map<String, String>> overrides) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      List<String> tables = new ArrayList<>(RUNTIME_TABLES);
      if (history) {
        tables.addAll(HISTORY_TABLES);
      }
      Map<String, List<String>> columns = new LinkedHashMap<>();
      Map<String, Map<String, Integer>> types = new HashMap<>();
      for (String table : tables) {
        columns.put(table, columns(connection, table, types.computeIfAbsent(table, t -> new HashMap<>())));
      }
      // the template's tasks, then every row that belongs to the instance, and so every id it owns
      Set<String> taskIds = ids(connection, "SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?", processInstanceId);
      Set<String> ownIds = new LinkedHashSet<>(Set.of(processInstanceId));
      Map<String, String> where = new LinkedHashMap<>();
      for (String table : tables) {
        String condition = belongsTo(table, columns.get(table), processInstanceId, taskIds);
        where.put(table, condition);
        ownIds.addAll(ids(connection, "SELECT t.ID_ FROM " + table + " t WHERE " + condition));
      }
      // activity instance ids live in the executions too (and in the history, when copied)
      ownIds.addAll(ids(connection, "SELECT ACT_INST_ID_ FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ? "
          + "AND ACT_INST_ID_ IS NOT NULL", processInstanceId));
      String idList = ownIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
      // a transaction per 5,000 copies: H2 took minutes to commit 100,000 at once
      for (int first = 1; first <= copies; first += CHUNK) {
        int last = Math.min(copies, first + CHUNK - 1);
        String series = database == BenchApp.Database.POSTGRES ? "generate_series(" + first + ", " + last + ") AS s(n)"
            : "(SELECT X AS n FROM SYSTEM_RANGE(" + first + ", " + last + ")) s";
        insertCopies(connection, tables, columns, types, where, idList, series, processInstanceId, tag, overrides);
        connection.commit();
      }
    }
  }

  private void insertCopies(Connection connection, List<String> tables, Map<String, List<String>> columns,
      Map<String, Map<String, Integer>> types, Map<String, String> where, String idList, String series,
      String processInstanceId, String tag, Map<String, Map<String, String>> overrides) throws SQLException {
    {
      try (Statement statement = connection.createStatement()) {
        for (String table : tables) {
          List<String> names = columns.get(table);
          Map<String, String> tableOverrides = overrides.getOrDefault(table, Map.of());
          List<String> select = new ArrayList<>();
          for (String column : names) {
            String upper = column.toUpperCase(Locale.ROOT);
            if (tableOverrides.containsKey(upper)) {
              select.add(tableOverrides.get(upper));
            } else if (upper.equals("ROOT_PROC_INST_ID_")) {
              select.add("CASE WHEN t." + column + " IS NULL THEN NULL ELSE '" + processInstanceId + "-" + tag + "' || n END");
            } else if (upper.equals("SUPER_EXEC_") || upper.equals("SUPER_PROCESS_INSTANCE_ID_")
                || upper.equals("SUPER_CASE_EXEC_") || upper.equals("SUPER_CASE_INSTANCE_ID_")) {
              select.add("NULL");
            } else if (isText(types.get(table).get(column))) {
              select.add("CASE WHEN t." + column + " IN (" + idList + ") THEN t." + column + " || '-" + tag + "' || n ELSE t."
                  + column + " END");
            } else {
              select.add("t." + column);
            }
          }
          String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT "
              + String.join(", ", select) + " FROM " + table + " t, " + series + " WHERE " + where.get(table);
          if (table.equals("ACT_RU_EXECUTION")) {
            // parents before children: the foreign key from PARENT_ID_
            for (String level : executionLevels(connection, processInstanceId)) {
              statement.executeUpdate(insert + " AND t.ID_ IN (" + level + ")");
            }
          } else {
            statement.executeUpdate(insert);
          }
        }
      }
    }
  }

  private static boolean isText(Integer type) {
    return type != null && (type == Types.VARCHAR || type == Types.NVARCHAR || type == Types.CHAR
        || type == Types.LONGVARCHAR);
  }

  private String belongsTo(String table, List<String> names, String processInstanceId, Set<String> taskIds) {
    Set<String> upper = names.stream().map(name -> name.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    String tasks = taskIds.isEmpty() ? "''" : taskIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    List<String> conditions = new ArrayList<>();
    if (table.equals("ACT_RU_AUTHORIZATION")) {
      conditions.add("t.RESOURCE_ID_ IN (" + tasks + ", '" + processInstanceId + "')");
    } else {
      for (String column : List.of("PROC_INST_ID_", "PROCESS_INSTANCE_ID_")) {
        if (upper.contains(column)) {
          conditions.add("t." + column + " = '" + processInstanceId + "'");
        }
      }
      if (upper.contains("TASK_ID_")) {
        conditions.add("t.TASK_ID_ IN (" + tasks + ")");
      }
    }
    return "(" + String.join(" OR ", conditions) + ")";
  }

  private List<String> executionLevels(Connection connection, String processInstanceId) throws SQLException {
    Map<String, String> parents = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT ID_, PARENT_ID_ FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ?")) {
      query.setString(1, processInstanceId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          parents.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    Map<Integer, List<String>> byDepth = new java.util.TreeMap<>();
    for (String id : parents.keySet()) {
      int depth = 0;
      for (String parent = parents.get(id); parent != null; parent = parents.get(parent)) {
        depth++;
      }
      byDepth.computeIfAbsent(depth, d -> new ArrayList<>()).add("'" + id + "'");
    }
    return byDepth.values().stream().map(ids -> String.join(",", ids)).toList();
  }

  private List<String> columns(Connection connection, String table, Map<String, Integer> types) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    String name = database == BenchApp.Database.POSTGRES ? table.toLowerCase(Locale.ROOT) : table;
    List<String> names = new ArrayList<>();
    try (ResultSet rows = metadata.getColumns(null, null, name, null)) {
      while (rows.next()) {
        String column = rows.getString("COLUMN_NAME");
        if (!names.contains(column)) {
          names.add(column);
          types.put(column, rows.getInt("DATA_TYPE"));
        }
      }
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("No table " + table);
    }
    return names;
  }

  private static Set<String> ids(Connection connection, String sql, String... parameters) throws SQLException {
    Set<String> ids = new LinkedHashSet<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }
}
