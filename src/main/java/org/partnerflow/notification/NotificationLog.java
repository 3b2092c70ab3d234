package org.partnerflow.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * The mails handed to the mail server, one row per notification key (table {@code notification_log}):
 * what makes a retried step not send its mail twice. Plain JDBC rather than JPA: it runs once or twice
 * for every mail, and in the overdue storm benchmark the JPA repository's proxies and its own JPA
 * transaction were an eighth of a mail job's time (docs/benchmarks.md).
 */
@Component
public class NotificationLog {

  private static final String INSERT = "insert into notification_log (notification_key, template, recipients, subject, "
      + "sent_at) values (?, ?, ?, ?, ?)";
  private static final String SELECT = "select notification_key, template, recipients, subject, sent_at "
      + "from notification_log";

  private final DataSource dataSource;
  private final JdbcClient callersTransaction;
  private final SQLExceptionTranslator exceptions = new SQLExceptionSubclassTranslator();

  NotificationLog(DataSource dataSource) {
    this.dataSource = dataSource;
    this.callersTransaction = JdbcClient.create(dataSource);
  }

  /** Whether a mail with this key was sent; read in the caller's transaction, so committed entries count. */
  public boolean contains(String key) {
    return callersTransaction.sql("select count(*) from notification_log where notification_key = ?").param(key)
        .query(Long.class).single() > 0;
  }

  /**
   * Records a sent mail on a connection of its own, committed when this returns whatever becomes of the
   * caller's transaction. A second entry for a key is refused ({@link org.springframework.dao.DuplicateKeyException}),
   * never written over the first.
   */
  public void record(Entry entry) {
    // straight from the pool, not the caller's connection: Spring binds that one to the data source, and a
    // transaction manager over the same data source would commit it (JPA's does not mark it as a transaction)
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        insert.setString(1, entry.key());
        insert.setString(2, entry.template());
        insert.setString(3, entry.recipients());
        insert.setString(4, entry.subject());
        insert.setTimestamp(5, Timestamp.from(entry.sentAt()));
        insert.executeUpdate();
        if (!autoCommit) {
          connection.commit();
        }
      } catch (SQLException e) {
        if (!autoCommit) {
          connection.rollback();
        }
        throw e;
      }
    } catch (SQLException e) {
      DataAccessException translated = exceptions.translate("Recording notification " + entry.key(), INSERT, e);
      throw translated != null ? translated : new UncategorizedSQLException("Recording notification " + entry.key(),
          INSERT, e);
    }
  }

  public Optional<Entry> find(String key) {
    return callersTransaction.sql(SELECT + " where notification_key = ?").param(key).query(NotificationLog::entry)
        .optional();
  }

  private static Entry entry(java.sql.ResultSet row, int number) throws SQLException {
    return new Entry(row.getString("notification_key"), row.getString("template"), row.getString("recipients"),
        row.getString("subject"), row.getTimestamp("sent_at").toInstant());
  }

  /** A mail handed to the mail server: its key, template, recipients (comma-separated), subject and when. */
  public record Entry(String key, String template, String recipients, String subject, Instant sentAt) {
  }
}
