package org.luahost.vm.lib;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The C time functions behind {@code os.date} and {@code os.time}, as glibc
 * has them in the C locale: {@code gmtime}/{@code localtime} (broken-down
 * time, {@link Tm}), {@code mktime} (with its normalisation of out-of-range
 * fields and its treatment of {@code isdst}), and {@code strftime} for every
 * C99 conversion plus the E and O modifiers.
 *
 * <p>Calendar arithmetic is done here on longs (proleptic Gregorian), not with
 * {@code java.time}'s dates, because C's range is the range of an
 * {@code int tm_year} (years about ±2.1 billion), wider than
 * {@code LocalDate}'s. {@code java.time} supplies only the zone rules: the
 * offset and DST flag at an instant (instants beyond its range use the rules
 * at its ends). Zone abbreviations ({@code %Z}) come from the system's TZif
 * file for the zone, as glibc's do, with Java's names as a fallback.
 *
 * <p>Local time is the JVM's default zone, which the JVM takes from the
 * {@code TZ} environment variable (or {@code /etc/localtime}) as C does.
 */
final class OsDate {
    private OsDate() {}

    static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};

    /** struct tm, with the year in full (tm_year + 1900) and month 1..12; yday 0-based, wday 0 = Sunday. */
    static final class Tm {
        long year;
        int month, day, hour, min, sec, yday, wday;
        boolean isdst;
        int gmtoff;
        String zone;
    }

    // ---------------------------------------------------------------- calendar arithmetic

    /** Days since 1970-01-01 of a proleptic Gregorian date. */
    static long daysFromCivil(long y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    static boolean isLeap(long y) {
        return Math.floorMod(y, 4) == 0 && (Math.floorMod(y, 100) != 0 || Math.floorMod(y, 400) == 0);
    }

    /** Breaks down seconds since the epoch in some zone (already shifted by the offset); null when the year does not fit C's int tm_year. */
    static Tm breakDown(long secs) {
        long days = Math.floorDiv(secs, 86400);
        int sod = Math.floorMod(secs, 86400);
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        Tm tm = new Tm();
        tm.day = (int) (doy - (153 * mp + 2) / 5 + 1);
        tm.month = (int) (mp < 10 ? mp + 3 : mp - 9);
        tm.year = yoe + era * 400 + (tm.month <= 2 ? 1 : 0);
        long tmYear = tm.year - 1900;
        if (tmYear < Integer.MIN_VALUE || tmYear > Integer.MAX_VALUE) return null;
        tm.hour = sod / 3600;
        tm.min = sod / 60 % 60;
        tm.sec = sod % 60;
        tm.wday = Math.floorMod(days + 4, 7);   // 1970-01-01 was a Thursday
        tm.yday = (int) (days - daysFromCivil(tm.year, 1, 1));
        return tm;
    }

    /** gmtime; null if not representable. */
    static Tm gmtime(long t) {
        Tm tm = breakDown(t);
        if (tm != null) tm.zone = "GMT";
        return tm;
    }

    private static Instant instant(long t) {
        long lo = Instant.MIN.getEpochSecond(), hi = Instant.MAX.getEpochSecond();
        return Instant.ofEpochSecond(Math.max(lo, Math.min(hi, t)));
    }

    /** localtime in the given zone; null if not representable. */
    static Tm localtime(long t, ZoneId zone, ZoneNames names) {
        ZoneRules rules = zone.getRules();
        Instant at = instant(t);
        int off = rules.getOffset(at).getTotalSeconds();
        long local;
        try {
            local = Math.addExact(t, off);
        } catch (ArithmeticException e) {
            return null;
        }
        Tm tm = breakDown(local);
        if (tm == null) return null;
        tm.gmtoff = off;
        tm.isdst = rules.isDaylightSavings(at);
        tm.zone = names.abbreviation(zone, t, off, tm.isdst);
        return tm;
    }

    /**
     * mktime: the time of the given local fields (tm_year as year - 1900, month
     * 0-based; any values, normalised as C does), with isdst -1 (unknown), 0 or
     * 1. Returns the normalised broken-down time with its epoch seconds in
     * {@code out[0]}, or null when the result is not representable.
     */
    static Tm mktime(int tmYear, int mon, int mday, int hour, int min, int sec, int isdst,
                     ZoneId zone, ZoneNames names, long[] out) {
        long year = (long) tmYear + 1900 + Math.floorDiv(mon, 12);
        int month = Math.floorMod(mon, 12) + 1;
        long days = daysFromCivil(year, month, 1) + (mday - 1L);
        long local = days * 86400 + hour * 3600L + min * 60L + sec;
        ZoneRules rules = zone.getRules();
        int off;
        boolean dst;
        if (year > -999_999_000 && year < 999_999_000) {
            LocalDateTime ldt = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
            List<ZoneOffset> valid = rules.getValidOffsets(ldt);
            if (valid.isEmpty()) {   // in a gap: the offset before it, as glibc
                ZoneOffsetTransition tr = rules.getTransition(ldt);
                off = tr.getOffsetBefore().getTotalSeconds();
                dst = rules.isDaylightSavings(tr.getInstant().minusSeconds(1));
            } else {                 // in an overlap: the earlier offset
                off = valid.get(0).getTotalSeconds();
                dst = rules.isDaylightSavings(instant(local - off));
            }
        } else {
            Instant at = instant(local);
            off = rules.getOffset(at).getTotalSeconds();
            dst = rules.isDaylightSavings(at);
        }
        if (isdst >= 0 && (isdst > 0) != dst) {
            // the caller says the time is (not) in DST: use the standard offset, or standard + 1 hour
            int std = rules.getStandardOffset(instant(local - off)).getTotalSeconds();
            off = isdst > 0 ? std + 3600 : std;
        }
        long t = local - off;
        Tm tm = localtime(t, zone, names);
        if (tm == null) return null;
        out[0] = t;
        return tm;
    }

    // ---------------------------------------------------------------- strftime

    /** The C99 conversions os.date accepts (one char), and the two-char E/O forms. */
    private static final String OPTIONS1 = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
    private static final String[] OPTIONS2 = {"Ec", "EC", "Ex", "EX", "Ey", "EY",
            "Od", "Oe", "OH", "OI", "Om", "OM", "OS", "Ou", "OU", "OV", "Ow", "OW", "Oy"};

    /**
     * The length of the valid conversion at {@code fmt[i..]} (after the '%'),
     * or 0 if there is none there.
     */
    static int conversionLength(String fmt, int i) {
        int rest = fmt.length() - i;
        if (rest >= 1 && OPTIONS1.indexOf(fmt.charAt(i)) >= 0) return 1;
        if (rest >= 2) {
            for (String o : OPTIONS2) if (fmt.startsWith(o, i)) return 2;
        }
        return 0;
    }

    /** Formats one conversion (E and O modifiers mean nothing in the C locale). */
    static void format(StringBuilder sb, char c, Tm tm) {
        long y = (int) tm.year;   // C computes tm_year + 1900 in int arithmetic
        switch (c) {
            case 'a' -> sb.append(DAYS[tm.wday], 0, 3);
            case 'A' -> sb.append(DAYS[tm.wday]);
            case 'b', 'h' -> sb.append(MONTHS[tm.month - 1], 0, 3);
            case 'B' -> sb.append(MONTHS[tm.month - 1]);
            case 'c' -> {
                format(sb, 'a', tm); sb.append(' ');
                format(sb, 'b', tm); sb.append(' ');
                format(sb, 'e', tm); sb.append(' ');
                format(sb, 'T', tm); sb.append(' ');
                format(sb, 'Y', tm);
            }
            case 'C' -> sb.append(Math.floorDiv(y, 100));
            case 'd' -> pad(sb, tm.day, 2, '0');
            case 'D' -> { format(sb, 'm', tm); sb.append('/'); format(sb, 'd', tm); sb.append('/'); format(sb, 'y', tm); }
            case 'e' -> pad(sb, tm.day, 2, ' ');
            case 'F' -> { format(sb, 'Y', tm); sb.append('-'); format(sb, 'm', tm); sb.append('-'); format(sb, 'd', tm); }
            case 'g' -> pad(sb, Math.floorMod(isoYear(tm), 100), 2, '0');
            case 'G' -> sb.append((long) (int) isoYear(tm));
            case 'H' -> pad(sb, tm.hour, 2, '0');
            case 'I' -> pad(sb, tm.hour % 12 == 0 ? 12 : tm.hour % 12, 2, '0');
            case 'j' -> pad(sb, tm.yday + 1, 3, '0');
            case 'm' -> pad(sb, tm.month, 2, '0');
            case 'M' -> pad(sb, tm.min, 2, '0');
            case 'n' -> sb.append('\n');
            case 'p' -> sb.append(tm.hour < 12 ? "AM" : "PM");
            case 'r' -> { format(sb, 'I', tm); sb.append(':'); format(sb, 'M', tm); sb.append(':'); format(sb, 'S', tm); sb.append(' '); format(sb, 'p', tm); }
            case 'R' -> { format(sb, 'H', tm); sb.append(':'); format(sb, 'M', tm); }
            case 'S' -> pad(sb, tm.sec, 2, '0');
            case 't' -> sb.append('\t');
            case 'T', 'X' -> { format(sb, 'H', tm); sb.append(':'); format(sb, 'M', tm); sb.append(':'); format(sb, 'S', tm); }
            case 'u' -> sb.append(tm.wday == 0 ? 7 : tm.wday);
            case 'U' -> pad(sb, (tm.yday + 7 - tm.wday) / 7, 2, '0');
            case 'V' -> pad(sb, isoWeek(tm), 2, '0');
            case 'w' -> sb.append(tm.wday);
            case 'W' -> pad(sb, (tm.yday + 7 - (tm.wday + 6) % 7) / 7, 2, '0');
            case 'x' -> format(sb, 'D', tm);
            case 'y' -> pad(sb, Math.floorMod(tm.year, 100), 2, '0');
            case 'Y' -> sb.append(y);
            case 'z' -> {
                int off = tm.gmtoff;
                sb.append(off < 0 ? '-' : '+');
                off = Math.abs(off) / 60;
                pad(sb, off / 60 * 100 + off % 60, 4, '0');
            }
            case 'Z' -> sb.append(tm.zone == null ? "" : tm.zone);
            case '%' -> sb.append('%');
            default -> throw new IllegalArgumentException("conversion " + c);
        }
    }

    private static void pad(StringBuilder sb, long v, int width, char fill) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) sb.append(fill);
        sb.append(s);
    }

    /** ISO 8601 week number and year: weeks start on Monday; week 1 holds the year's first Thursday. */
    private static int isoWeek(Tm tm) { return (int) iso(tm)[1]; }

    private static long isoYear(Tm tm) { return iso(tm)[0]; }

    private static long[] iso(Tm tm) {
        int wd = (tm.wday + 6) % 7;                   // Monday = 0
        int week = (tm.yday - wd + 10) / 7;            // (ordinal - weekday(1..7) + 10) / 7
        long year = tm.year;
        if (week < 1) {
            year--;
            int prevDays = isLeap(year) ? 366 : 365;
            week = (tm.yday + prevDays - wd + 10) / 7;
        } else if (week == 53) {
            int days = isLeap(year) ? 366 : 365;
            if (tm.yday - wd + 3 >= days) { year++; week = 1; }   // that Thursday is in next year
        }
        return new long[] {year, week};
    }

    // ---------------------------------------------------------------- zone abbreviations

    /**
     * Zone abbreviations for %Z, read from the TZif files of the system's zone
     * database (as glibc reads them). One instance per Lua state caches the
     * parsed files.
     */
    static final class ZoneNames {
        private final Map<String, TzFile> files = new HashMap<>();

        String abbreviation(ZoneId zone, long t, int off, boolean dst) {
            TzFile f = files.computeIfAbsent(zone.getId(), TzFile::load);
            String s = f == null ? null : f.abbreviation(t, dst);
            if (s != null) return s;
            if (zone instanceof ZoneOffset || zone.getId().startsWith("GMT") || zone.getId().startsWith("UTC")) {
                if (off == 0) return zone.getId().startsWith("UTC") ? "UTC" : "GMT";
            }
            String name = DateTimeFormatter.ofPattern("zzz", Locale.US).format(instant(t).atZone(zone));
            if (name.chars().allMatch(Character::isLetter)) return name;
            // tzdata's numeric style: "-03", "+0530"
            StringBuilder sb = new StringBuilder();
            sb.append(off < 0 ? '-' : '+');
            int a = Math.abs(off) / 60;
            pad(sb, a / 60, 2, '0');
            if (a % 60 != 0) pad(sb, a % 60, 2, '0');
            return sb.toString();
        }
    }

    /** The parts of a TZif file %Z needs: transitions, their types' abbreviations, and the footer rule. */
    private static final class TzFile {
        long[] times;
        int[] typeOf;
        String[] typeAbbr;
        boolean[] typeDst;
        String footerStd, footerDst;

        static TzFile load(String id) {
            if (id.contains("..")) return null;
            String dir = System.getenv("TZDIR");
            Path p = Path.of(dir != null && !dir.isEmpty() ? dir : "/usr/share/zoneinfo", id);
            try {
                return parse(ByteBuffer.wrap(Files.readAllBytes(p)));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static TzFile parse(ByteBuffer b) {
            if (b.getInt(0) != 0x545A6966) return null;   // "TZif"
            int version = b.get(4);
            int pos = 0;
            boolean wide = false;
            if (version >= '2') {   // skip the 32-bit block, use the 64-bit one
                pos = 44 + blockSize(b, 0, 4);
                wide = true;
            }
            int isut = b.getInt(pos + 20), isstd = b.getInt(pos + 24), leap = b.getInt(pos + 28);
            int timecnt = b.getInt(pos + 32), typecnt = b.getInt(pos + 36), charcnt = b.getInt(pos + 40);
            int w = wide ? 8 : 4;
            int at = pos + 44;
            TzFile f = new TzFile();
            f.times = new long[timecnt];
            for (int i = 0; i < timecnt; i++) f.times[i] = wide ? b.getLong(at + i * 8) : b.getInt(at + i * 4);
            at += timecnt * w;
            f.typeOf = new int[timecnt];
            for (int i = 0; i < timecnt; i++) f.typeOf[i] = b.get(at + i) & 0xFF;
            at += timecnt;
            int ttinfo = at;
            at += typecnt * 6;
            byte[] chars = new byte[charcnt];
            b.get(at, chars);
            f.typeAbbr = new String[typecnt];
            f.typeDst = new boolean[typecnt];
            for (int i = 0; i < typecnt; i++) {
                f.typeDst[i] = b.get(ttinfo + i * 6 + 4) != 0;
                int ai = b.get(ttinfo + i * 6 + 5) & 0xFF;
                int end = ai;
                while (end < charcnt && chars[end] != 0) end++;
                f.typeAbbr[i] = new String(chars, ai, end - ai, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            at += charcnt + leap * (w + 4) + isstd + isut;
            if (wide && at < b.limit() && b.get(at) == '\n') {
                int end = at + 1;
                while (end < b.limit() && b.get(end) != '\n') end++;
                byte[] foot = new byte[end - at - 1];
                b.get(at + 1, foot);
                f.parseFooter(new String(foot, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            return f;
        }

        private static int blockSize(ByteBuffer b, int pos, int w) {
            int isut = b.getInt(pos + 20), isstd = b.getInt(pos + 24), leap = b.getInt(pos + 28);
            int timecnt = b.getInt(pos + 32), typecnt = b.getInt(pos + 36), charcnt = b.getInt(pos + 40);
            return timecnt * (w + 1) + typecnt * 6 + charcnt + leap * (w + 4) + isstd + isut;
        }

        /** The names of a POSIX TZ rule such as "CET-1CEST,M3.5.0,M10.5.0/3" or "<-03>3". */
        private void parseFooter(String s) {
            int[] i = {0};
            footerStd = name(s, i);
            while (i[0] < s.length() && "+-0123456789:".indexOf(s.charAt(i[0])) >= 0) i[0]++;
            footerDst = name(s, i);
        }

        private static String name(String s, int[] i) {
            int start = i[0];
            if (start < s.length() && s.charAt(start) == '<') {
                int end = s.indexOf('>', start);
                if (end < 0) return null;
                i[0] = end + 1;
                return s.substring(start + 1, end);
            }
            int end = start;
            while (end < s.length() && Character.isLetter(s.charAt(end))) end++;
            i[0] = end;
            return end > start ? s.substring(start, end) : null;
        }

        String abbreviation(long t, boolean dst) {
            int n = times.length;
            if (n == 0 || t >= times[n - 1]) {
                if (footerStd != null && (n == 0 || t > times[n - 1])) {
                    return dst && footerDst != null ? footerDst : footerStd;
                }
                if (n == 0) return typeAbbr.length > 0 ? typeAbbr[0] : null;
                return typeAbbr[typeOf[n - 1]];
            }
            if (t < times[0]) {
                for (int k = 0; k < typeAbbr.length; k++) if (!typeDst[k]) return typeAbbr[k];
                return typeAbbr[0];
            }
            int lo = 0, hi = n - 1;   // last transition <= t
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (times[mid] <= t) lo = mid; else hi = mid - 1;
            }
            return typeAbbr[typeOf[lo]];
        }
    }
}
