/* Test runner: iCalendar files read by Mozilla's ical.js (Thunderbird's parser, and many web
 * calendars'), in node.
 *
 * Reads one JSON request on stdin and writes one JSON answer on stdout, so that a test needs a
 * single node process however many files it reads. Nothing here re-implements recurrence: each
 * file goes through ical.js's own API as a calendar app uses it (ICAL.parse, ICAL.Component,
 * ICAL.Event with its RECURRENCE-ID overrides related by UID, Event.iterator and
 * getOccurrenceDetails for a recurring event: each instance lasts the exact duration of the
 * first, as RFC 5545 says; a single event from its DTSTART to its DTEND).
 *
 *   {"ical": path of ical.js (its CommonJS build),
 *    "tasks": [{"op": "expand", "files": [...], "first": "YYYY-MM-DD", "last": "YYYY-MM-DD"},
 *                  every VEVENT of each file expanded, the instances whose start day (local)
 *                  is from first to last inclusive: {path: [instance, ...]}, each instance
 *                  {uid, summary, url, status, start, end, recurrence_id, utc_start, utc_end,
 *                   tzid}; start/end are the local wall time "YYYY-MM-DDTHH:MM" in the
 *                  event's zone, or "YYYY-MM-DD" for an all-day one; utc_* the UTC instants
 *                  "YYYY-MM-DDTHH:MM:SSZ" (null for all-day); recurrence_id the local
 *                  recurrence id of an instance of a recurring event, else null
 *              {"op": "offsets", "file": path, "tzid": id, "local": [...], "utc": [...]},
 *                  the file's VTIMEZONE of that id: for each local wall time
 *                  "YYYY-MM-DDTHH:MM:SS" the UTC offset (seconds) ical.js gives it, and each
 *                  UTC instant converted to the zone's wall time:
 *                  {"local_offsets": [...], "utc_to_local": [...]}]}
 *
 * TZIDs resolve to the VTIMEZONE of the file being read: ical.js looks a TZID up in the
 * file's own component tree first; the runner also registers that VTIMEZONE with
 * ICAL.TimezoneService while it reads the file (some code paths look there), and fails when an
 * event's zone is not the file's own. Answer: {"results": [one result per task]}.
 */
"use strict";

const fs = require("fs");

let ICAL = null;

function readStdin() {
  return fs.readFileSync(0, "utf8");
}

/* A file's VCALENDAR component, its VTIMEZONEs registered for as long as it is read. */
function openCalendar(path) {
  const root = new ICAL.Component(ICAL.parse(fs.readFileSync(path, "utf8")));
  ICAL.TimezoneService.reset();
  for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(vtimezone);
  }
  return root;
}

function pad(number, width) {
  return String(number).padStart(width || 2, "0");
}

function wallTime(time) {
  const day = `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
  return time.isDate ? day : `${day}T${pad(time.hour)}:${pad(time.minute)}`;
}

function utcInstant(time) {
  if (time.isDate) return null;
  return new Date(time.toUnixTime() * 1000).toISOString().replace(".000Z", "Z");
}

function dayOf(time) {
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
}

/* The zone of a date-time must be the file's own VTIMEZONE (or UTC, or floating). */
function checkZone(time, root, where) {
  if (time.isDate || time.zone === ICAL.Timezone.utcTimezone) return;
  const tzid = time.zone && time.zone.tzid;
  const own = tzid && root.getTimeZoneByID(tzid);
  if (time.zone !== ICAL.Timezone.localTimezone && own !== time.zone) {
    throw new Error(`${where}: zone ${tzid} is not the file's VTIMEZONE`);
  }
}

function instance(event, details, recurring, root) {
  const item = details.item;
  checkZone(details.startDate, root, event.uid);
  checkZone(details.endDate, root, event.uid);
  const status = item.component.getFirstPropertyValue("status");
  const url = item.component.getFirstPropertyValue("url");
  return {
    uid: event.uid,
    summary: item.summary,
    url: url === null ? null : String(url),
    status: status === null ? null : String(status),
    start: wallTime(details.startDate),
    end: wallTime(details.endDate),
    recurrence_id: recurring ? wallTime(details.recurrenceId) : null,
    utc_start: utcInstant(details.startDate),
    utc_end: utcInstant(details.endDate),
    tzid: details.startDate.isDate ? null : details.startDate.zone.tzid,
  };
}

/* Every VEVENT of one file, its overrides related to their master by UID. */
function expandFile(path, first, last) {
  const root = openCalendar(path);
  const masters = new Map();
  const exceptions = [];
  for (const component of root.getAllSubcomponents("vevent")) {
    // Given no exceptions, ICAL.Event would relate every RECURRENCE-ID of the calendar to
    // each event, whatever its UID; apps relate them by UID (as below), strictly.
    const event = new ICAL.Event(component, { strictExceptions: true, exceptions: [] });
    if (event.isRecurrenceException()) exceptions.push(event);
    else masters.set(event.uid, event);
  }
  const found = [];
  for (const exception of exceptions) {
    const master = masters.get(exception.uid);
    if (master) {
      master.relateException(exception);
    } else {
      // An override without its master: a calendar app shows it as an event of its own.
      const details = { item: exception, startDate: exception.startDate,
                        endDate: exception.endDate, recurrenceId: exception.recurrenceId };
      const day = dayOf(details.startDate);
      if (day >= first && day <= last) found.push(instance(exception, details, true, root));
    }
  }
  for (const event of masters.values()) {
    const recurring = event.isRecurring();
    if (!recurring) {
      // A single event is shown from its DTSTART to its DTEND, as apps read it.
      const details = { item: event, startDate: event.startDate, endDate: event.endDate };
      const day = dayOf(details.startDate);
      if (day >= first && day <= last) found.push(instance(event, details, false, root));
      continue;
    }
    const iterator = event.iterator();
    let next;
    while ((next = iterator.next())) {
      const day = dayOf(next);
      if (day > last) break;
      if (day < first) continue;
      found.push(instance(event, event.getOccurrenceDetails(next), true, root));
    }
  }
  ICAL.TimezoneService.reset();
  return found;
}

function parseWall(text, zone) {
  const time = ICAL.Time.fromDateTimeString(text);
  time.zone = zone;
  return time;
}

/* A VTIMEZONE as ical.js reads it: local wall times to offsets, UTC instants to wall times. */
function offsets(task) {
  const root = openCalendar(task.file);
  const zone = root.getTimeZoneByID(task.tzid);
  if (!zone) throw new Error(`${task.file}: no VTIMEZONE ${task.tzid}`);
  const localOffsets = task.local.map((text) => zone.utcOffset(parseWall(text, zone)));
  const utcToLocal = task.utc.map((text) => {
    const time = parseWall(text, ICAL.Timezone.utcTimezone).convertToZone(zone);
    return time.toString().slice(0, 19);
  });
  ICAL.TimezoneService.reset();
  return { local_offsets: localOffsets, utc_to_local: utcToLocal };
}

function main() {
  const request = JSON.parse(readStdin());
  ICAL = require(request.ical);
  const ops = {
    expand: (task) => {
      const answer = {};
      for (const path of task.files) answer[path] = expandFile(path, task.first, task.last);
      return answer;
    },
    offsets: offsets,
  };
  const results = [];
  for (const task of request.tasks) {
    const op = ops[task.op];
    if (!op) throw new Error("unknown op " + task.op);
    results.push(op(task));
  }
  process.stdout.write(JSON.stringify({ results: results }));
}

try {
  main();
} catch (error) {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(1);
}
