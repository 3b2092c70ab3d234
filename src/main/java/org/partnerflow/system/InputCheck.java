package org.partnerflow.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks on what people type, each failing with a message that names the field by its label. */
public final class InputCheck {

  /** One address, no display name, no line breaks: what a mail header may safely carry. */
  private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final Pattern WEB_ADDRESS = Pattern.compile("^https?://[^\\s/$.?#][^\\s<>\"]*$", Pattern.CASE_INSENSITIVE);

  private InputCheck() {
  }

  public static String text(String field, String label, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, label + " is required.");
    }
    return optionalText(field, label, value, maxLength);
  }

  /**
   * Text of one line, such as a name: no line breaks or other control characters, which have no place
   * in a name and would let it break out of a mail header or a CSV row.
   */
  public static String line(String field, String label, String value, int maxLength) {
    String line = text(field, label, value, maxLength);
    if (CONTROL.matcher(line).find()) {
      throw new InvalidInputException(field, label + " must be one line, without line breaks or control characters.");
    }
    return line;
  }

  public static String optionalText(String field, String label, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      throw new InvalidInputException(field, label + " is too long: at most " + maxLength + " characters, not "
          + trimmed.length() + ".");
    }
    return trimmed;
  }

  public static String email(String field, String label, String value) {
    String address = text(field, label, value, 320);
    if (!EMAIL.matcher(address).matches()) {
      throw new InvalidInputException(field, label + " must be one e-mail address such as name@example.org.");
    }
    return address;
  }

  public static String optionalWebAddress(String field, String label, String value) {
    String address = optionalText(field, label, value, 500);
    if (address != null && !WEB_ADDRESS.matcher(address).matches()) {
      throw new InvalidInputException(field, label + " must start with http:// or https://.");
    }
    return address;
  }

  public static int score(String field, String label, Integer value) {
    if (value == null) {
      throw new InvalidInputException(field, label + " is required.");
    }
    if (value < 1 || value > 5) {
      throw new InvalidInputException(field, label + " must be a score from 1 to 5.");
    }
    return value;
  }

  /** A money amount or a number of staff days: required, not negative, within reason. */
  public static BigDecimal amount(String field, String label, BigDecimal value, BigDecimal maximum) {
    if (value == null) {
      throw new InvalidInputException(field, label + " is required (enter 0 if there is none).");
    }
    if (value.signum() < 0) {
      throw new InvalidInputException(field, label + " cannot be negative.");
    }
    if (value.compareTo(maximum) > 0) {
      throw new InvalidInputException(field, label + " cannot be more than " + maximum.toPlainString() + ".");
    }
    return value;
  }

  /** An ISO 8601 period such as P1M (a month) or P2W (two weeks), longer than nothing. */
  public static Period period(String field, String label, String value) {
    String text = text(field, label, value, 20);
    try {
      Period period = Period.parse(text.toUpperCase(Locale.ROOT));
      if (period.isNegative() || period.isZero()) {
        throw new InvalidInputException(field, label + " must be longer than nothing, such as P1M.");
      }
      return period;
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, label + " must be a period such as P1M (a month), P2W (two weeks) "
          + "or P1Y (a year), not '" + text + "'.");
    }
  }

  /** A calendar date (YYYY-MM-DD, as date fields submit it), not before the earliest allowed. */
  public static LocalDate date(String field, String label, String value, LocalDate earliest, String tooEarly) {
    String text = text(field, label, value, 30);
    LocalDate date;
    try {
      date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, label + " must be a date such as 2027-03-31.");
    }
    if (date.isBefore(earliest)) {
      throw new InvalidInputException(field, label + " " + tooEarly);
    }
    return date;
  }

  /** One of the values a radio group or select offers, as the form submits it. */
  public static String choice(String field, String label, String value, String... choices) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, label + " is required.");
    }
    for (String offered : choices) {
      if (offered.equals(value)) {
        return offered;
      }
    }
    throw new InvalidInputException(field, label + " must be one of the offered choices.");
  }

  public static <E extends Enum<E>> E choice(String field, String label, String value, Class<E> choices) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, label + " is required.");
    }
    try {
      // forms use camelCase values ("moreInformation"), enums UPPER_SNAKE (MORE_INFORMATION)
      String constant = value.strip().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
      return Enum.valueOf(choices, constant);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, label + " must be one of the offered choices.");
    }
  }
}
