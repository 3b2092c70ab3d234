package org.partnerflow.review;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Objects;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

import org.springframework.stereotype.Component;

/**
 * Writes a review meeting as an iCalendar (RFC 5545) message that mail clients offer to accept or
 * decline (RFC 5546 iTIP): a request for a new or rescheduled meeting. Times are written in UTC, so
 * no time zone definitions are needed. Every message about one meeting carries its uid; the
 * receiving calendar keeps the version with the highest sequence, so a reschedule must come with a
 * sequence above the last one sent.
 */
@Component
public final class CalendarInvitations {

  static final String PRODUCT_ID = "-//Partnerflow//Reviews//EN";

  /** The invitation to the meeting (METHOD:REQUEST, STATUS:CONFIRMED). */
  public String request(ReviewMeeting meeting, Instant stamp) {
    return write(meeting, stamp);
  }

  private static String write(ReviewMeeting meeting, Instant stamp) {
    Objects.requireNonNull(meeting.uid(), "A review meeting needs a uid");
    Objects.requireNonNull(meeting.start(), "A review meeting needs a start");
    Objects.requireNonNull(meeting.duration(), "A review meeting needs a duration");
    if (meeting.attendees() == null || meeting.attendees().isEmpty()) {
      throw new IllegalArgumentException("Review meeting " + meeting.uid() + " has no attendees");
    }
    VEvent event = new VEvent(meeting.start(), meeting.start().plus(meeting.duration()),
        meeting.summary() == null ? "" : meeting.summary());
    event.add(new Uid(meeting.uid()));
    event.add(new Sequence(meeting.sequence()));
    event.replace(new DtStamp(stamp)); // the constructor stamped it with the current time
    if (meeting.description() != null && !meeting.description().isBlank()) {
      event.add(new Description(meeting.description()));
    }
    if (meeting.location() != null && !meeting.location().isBlank()) {
      event.add(new Location(meeting.location()));
    }
    Organizer organiser = new Organizer(mailto(meeting.organiserEmail()));
    if (meeting.organiserName() != null && !meeting.organiserName().isBlank()) {
      organiser.add(new Cn(meeting.organiserName()));
    }
    event.add(organiser);
    for (String address : meeting.attendees()) {
      event.add(new Attendee(mailto(address)).add(Role.REQ_PARTICIPANT).add(PartStat.NEEDS_ACTION).add(Rsvp.TRUE));
    }
    event.add(ImmutableStatus.VEVENT_CONFIRMED);

    Calendar calendar = new Calendar().withProdId(PRODUCT_ID).withProperty(ImmutableVersion.VERSION_2_0)
        .withProperty(ImmutableCalScale.GREGORIAN).withProperty(ImmutableMethod.REQUEST).withComponent(event).getFluentTarget();
    StringWriter out = new StringWriter();
    try {
      // folds lines longer than 75 octets and ends them with CRLF, as RFC 5545 asks
      new CalendarOutputter(true).output(calendar, out);
    } catch (IOException | ValidationException e) {
      throw new IllegalStateException("Review meeting " + meeting.uid() + " is not a valid calendar event", e);
    }
    return out.toString();
  }

  private static URI mailto(String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("A review meeting needs every address");
    }
    try {
      return new URI("mailto", address.strip(), null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not an e-mail address: " + address, e);
    }
  }
}
