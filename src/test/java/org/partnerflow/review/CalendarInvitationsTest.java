package org.partnerflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;

import org.junit.jupiter.api.Test;

/** Review meetings as the iCalendar text mail clients read, checked by parsing it back. */
class CalendarInvitationsTest {

  private static final Instant STAMP = Instant.parse("2025-03-01T08:00:00Z");
  private static final Instant START = Instant.parse("2025-04-15T09:30:00Z");

  private final CalendarInvitations invitations = new CalendarInvitations();

  @Test
  void aRequestNamesTheOrganiserEveryAttendeeAndTheTimesInUtc() throws Exception {
    String text = invitations.request(meeting(0, START, "Review of PF-7", "Figures attached"), STAMP);

    Calendar calendar = parse(text);
    assertThat(calendar.getProductId().getValue()).isEqualTo("-//Partnerflow//Reviews//EN");
    assertThat(calendar.getVersion().getValue()).isEqualTo("2.0");
    assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
    assertThat(calendar.getComponents()).hasSize(1);
    VEvent event = event(calendar);
    assertThat(value(event, Property.UID)).isEqualTo("review-PF-7-1@partnerflow");
    assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
    assertThat(value(event, Property.DTSTAMP)).isEqualTo("20250301T080000Z");
    assertThat(value(event, Property.DTSTART)).isEqualTo("20250415T093000Z");
    assertThat(value(event, Property.DTEND)).isEqualTo("20250415T110000Z");
    assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
    assertThat(value(event, Property.LOCATION)).isEqualTo("Meeting room 2, Riverside House");

    Property organiser = event.getRequiredProperty(Property.ORGANIZER);
    assertThat(organiser.getValue()).isEqualTo("mailto:pat@partnerflow.example");
    assertThat(parameter(organiser, Parameter.CN)).isEqualTo("Pat Morgan");

    List<Attendee> attendees = event.getProperties(Property.ATTENDEE);
    assertThat(attendees).extracting(Property::getValue)
        .containsExactly("mailto:pat@partnerflow.example", "mailto:lee@riverside.example");
    assertThat(attendees).allSatisfy(attendee -> {
      assertThat(parameter(attendee, Parameter.ROLE)).isEqualTo("REQ-PARTICIPANT");
      assertThat(parameter(attendee, Parameter.PARTSTAT)).isEqualTo("NEEDS-ACTION");
      assertThat(parameter(attendee, Parameter.RSVP)).isEqualTo("TRUE");
    });
  }

  @Test
  void theTextHasCrlfLineEndsAndNoLineLongerThan75Octets() {
    String text = invitations.request(meeting(0, START, "Review of PF-7", "A long description. ".repeat(20)), STAMP);

    assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    assertThat(text.split("\r\n")).allSatisfy(line ->
        assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
  }

  @Test
  void aRescheduledMeetingKeepsItsUidAndCarriesTheHigherSequence() throws Exception {
    Instant later = START.plus(Duration.ofDays(7));
    VEvent first = event(parse(invitations.request(meeting(0, START, "Review of PF-7", ""), STAMP)));
    VEvent moved = event(parse(invitations.request(meeting(1, later, "Review of PF-7", ""), STAMP.plusSeconds(60))));

    assertThat(value(moved, Property.UID)).isEqualTo(value(first, Property.UID));
    assertThat(Integer.parseInt(value(moved, Property.SEQUENCE)))
        .isGreaterThan(Integer.parseInt(value(first, Property.SEQUENCE)));
    assertThat(value(moved, Property.DTSTART)).isEqualTo("20250422T093000Z");
  }

  @Test
  void commasSemicolonsAndNewlinesInUserTextAreEscapedAndComeBackUnchanged() throws Exception {
    String summary = "Review; costs, risks and \"next steps\"";
    String description = "Aims: grow reach, share data; cut costs\nSecond line\\with a backslash";
    String text = invitations.request(meeting(2, START, summary, description), STAMP);

    assertThat(text).contains("SUMMARY:Review\\; costs\\, risks");
    assertThat(text.replace("\r\n ", "")).contains("\\nSecond line\\\\with");
    VEvent event = event(parse(text));
    assertThat(value(event, Property.SUMMARY)).isEqualTo(summary);
    assertThat(value(event, Property.DESCRIPTION)).isEqualTo(description);
  }

  @Test
  void aMeetingWithoutAttendeesIsRefused() {
    ReviewMeeting nobody = new ReviewMeeting("review-PF-7-1@partnerflow", 0, START, Duration.ofMinutes(90),
        "Review", "", "", "Pat Morgan", "pat@partnerflow.example", List.of());

    assertThatThrownBy(() -> invitations.request(nobody, STAMP)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no attendees");
  }

  private static ReviewMeeting meeting(int sequence, Instant start, String summary, String description) {
    return new ReviewMeeting("review-PF-7-1@partnerflow", sequence, start, Duration.ofMinutes(90), summary,
        description, "Meeting room 2, Riverside House", "Pat Morgan", "pat@partnerflow.example",
        List.of("pat@partnerflow.example", "lee@riverside.example"));
  }

  private static Calendar parse(String text) throws Exception {
    return new CalendarBuilder().build(new StringReader(text));
  }

  private static VEvent event(Calendar calendar) {
    return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
  }

  private static String value(VEvent event, String property) {
    return event.getRequiredProperty(property).getValue();
  }

  private static String parameter(Property property, String name) {
    return property.getRequiredParameter(name).getValue();
  }
}
