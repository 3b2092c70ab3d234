package org.partnerflow.agreement;

import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words for what the forms store as codes, so both organisations read the agreement the same way:
 * "Riverbank Arts" instead of "partner", "every 3 months" instead of "P3M".
 */
public final class AgreementLabels {

  private AgreementLabels() {
  }

  /** "every month", "every 2 weeks", "every year": how often something happens. */
  public static String every(Period period) {
    return "every " + (isOne(period) ? unit(period) : length(period));
  }

  /** "2 years", "6 months", "10 days": how long something lasts. */
  public static String length(Period period) {
    Period p = period.normalized();
    if (p.getYears() > 0 && p.getMonths() == 0 && p.getDays() == 0) {
      return plural(p.getYears(), "year");
    }
    if (p.getYears() == 0 && p.getDays() == 0) {
      return plural(p.getMonths(), "month");
    }
    if (p.getYears() == 0 && p.getMonths() == 0) {
      return p.getDays() % 7 == 0 ? plural(p.getDays() / 7, "week") : plural(p.getDays(), "day");
    }
    return period.toString();
  }

  /** A code such as legitimateInterests or JOINT_CONTROLLER as words: "legitimate interests". */
  public static String words(Enum<?> code) {
    return code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The rows of a list with the side column replaced by the organisation's name. */
  public static List<Map<String, Object>> withNames(List<Map<String, Object>> rows, String sideKey, String ours,
      String partner) {
    List<Map<String, Object>> named = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> copy = new LinkedHashMap<>(row);
      copy.put(sideKey, "partner".equals(String.valueOf(row.get(sideKey))) ? partner : ours);
      named.add(copy);
    }
    return named;
  }

  private static boolean isOne(Period period) {
    String length = length(period);
    return length.startsWith("1 ");
  }

  private static String unit(Period period) {
    return length(period).substring(2);
  }

  private static String plural(int count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
