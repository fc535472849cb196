/* session_date.c: a session's start time (ISO 8601 UTC, as the header stores it) in the
 * words people read dates in, in the local time zone: "Sunday 22 November 2026, 10:15", or
 * "22 Nov" on a chart's axis, and "09:15" under it for two sessions of one day. libc and
 * POSIX (localtime_r) only. */
#include "game/session/session.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Days from 1970-01-01 to Y-M-D in the proleptic Gregorian calendar. */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* ISO into the local broken-down time *TM. Returns 0, or -1 when ISO is not a time. */
static int local_time(const char *iso, struct tm *tm)
{
    int y, mo, d, h, mi, s = 0;
    if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) < 5 || mo < 1 ||
        mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59)
        return -1;
    time_t t = (time_t)(days_from_civil(y, mo, d) * 86400L + h * 3600L + mi * 60L + s);
    return localtime_r(&t, tm) ? 0 : -1;
}

/* strftime into OUT, with the day of the month's leading zero dropped ("05" -> "5"). */
static void format(char *out, size_t n, const char *fmt, const struct tm *tm)
{
    char buf[128];
    if (!strftime(buf, sizeof buf, fmt, tm)) {
        snprintf(out, n, "?");
        return;
    }
    char *zero = strstr(buf, " 0");
    if (zero && zero[2] >= '1' && zero[2] <= '9' && zero == strchr(buf, ' '))
        memmove(zero + 1, zero + 2, strlen(zero + 2) + 1);
    else if (buf[0] == '0' && buf[1] >= '1' && buf[1] <= '9')
        memmove(buf, buf + 1, strlen(buf));
    snprintf(out, n, "%s", buf);
}

const char *session_date_words(const char *iso, char *out, size_t n)
{
    struct tm tm;
    if (local_time(iso, &tm) != 0)
        snprintf(out, n, "%s", iso && *iso ? iso : "an unknown day");
    else
        format(out, n, "%A %d %B %Y, %H:%M", &tm);
    return out;
}

const char *session_date_short(const char *iso, char *out, size_t n)
{
    struct tm tm;
    if (local_time(iso, &tm) != 0)
        snprintf(out, n, "?");
    else
        format(out, n, "%d %b", &tm);
    return out;
}

const char *session_time_short(const char *iso, char *out, size_t n)
{
    struct tm tm;
    if (local_time(iso, &tm) != 0)
        snprintf(out, n, "?");
    else if (!strftime(out, n, "%H:%M", &tm))
        snprintf(out, n, "?");
    return out;
}
