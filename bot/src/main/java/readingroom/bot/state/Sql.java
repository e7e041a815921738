package readingroom.bot.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import readingroom.bot.channel.ChannelKey;

/**
 * The state tables' one way of running a statement: prepare, bind the parameters in order, map each
 * row, close. Parameters bind by type: a {@link ChannelKey} fills the three columns {@code
 * platform, workspace, channel}; an {@link Instant} is epoch milliseconds; a {@link LocalDate} its
 * ISO text; an enum its name; {@code null} SQL NULL. Smaller than Jdbi, and enough for tables this
 * size.
 */
public final class Sql {

  /** Turns the current row into a value. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final Connection connection;

  private Sql(Connection connection) {
    this.connection = connection;
  }

  /** Statements on {@code connection}, inside {@link StateDatabase#read} or a transaction. */
  public static Sql on(Connection connection) {
    return new Sql(connection);
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the rows changed. */
  public int update(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  /** Runs one statement for each row of parameters, as a batch. */
  public void batch(String sql, List<Object[]> rows) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] parameters : rows) {
        bind(statement, parameters);
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  public <T> List<T> list(String sql, Row<T> row, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rows.next()) {
        out.add(row.map(rows));
      }
      return out;
    }
  }

  /** The first row's value, or empty when there is no row. */
  public <T> Optional<T> first(String sql, Row<T> row, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(row.map(rows)) : Optional.empty();
    }
  }

  /** A nullable epoch-milliseconds column as an instant. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      bind(statement, parameters);
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    int index = 1;
    for (Object value : parameters) {
      switch (value) {
        case null -> statement.setNull(index++, Types.NULL);
        case ChannelKey key -> {
          statement.setString(index++, key.platform().name());
          statement.setString(index++, key.workspace());
          statement.setString(index++, key.channel());
        }
        case Instant instant -> statement.setLong(index++, instant.toEpochMilli());
        case LocalDate date -> statement.setString(index++, date.toString());
        case Enum<?> constant -> statement.setString(index++, constant.name());
        case Boolean flag -> statement.setInt(index++, flag ? 1 : 0);
        default -> statement.setObject(index++, value);
      }
    }
  }
}
