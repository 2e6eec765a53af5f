package org.luahost.vm.lib;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.util.Set;

import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;

/**
 * The payload of a Lua file handle: a C {@code FILE*} as the io library sees
 * it. Regular files are a {@link FileChannel} with luahost's own read and
 * write buffers (4096 bytes, as glibc gives a file; {@code setvbuf} changes
 * the write policy), so the positions, the read-after-write behaviour of
 * {@code r+}/{@code a+} and what another handle sees before a flush are the
 * reference's. The standard streams are the state's {@link LuaState#stdin},
 * {@link LuaState#stdout} and {@link LuaState#stderr}, shared with
 * {@code print}; {@code popen} files are a child process's pipe.
 *
 * <p>Failures are {@link IOException}s whose message is the glibc
 * {@code strerror} text, mapped to errno values by {@link #errno}.
 */
final class LuaFile {
    static final int NO = 0, FULL = 1, LINE = 2;
    static final int BUFSIZE = 4096;
    /** The largest position lseek accepts on ext4 (4 KiB blocks); beyond it, EINVAL. */
    private static final long MAX_POSITION = 0xFFFFFFFF000L;

    enum Kind { FILE, STDIN, STDOUT, STDERR, PIPE }

    final Kind kind;
    private final LuaState L;
    private final FileChannel ch;
    private final Pipe proc;
    private final InputStream pin;
    private final OutputStream pout;
    private final boolean canRead, canWrite, append;
    /** Files with unwritten output, flushed at exit (null for the standard streams). */
    private final Set<LuaFile> dirty;
    boolean closed;

    private byte[] rbuf;
    private long rbase;        // file offset of rbuf[0] (FILE)
    private int rpos, rlen;    // next byte / valid bytes in rbuf
    private byte[] wbuf;
    private int wlen;
    private long pos;          // logical position (FILE)
    private int bufMode = FULL;
    /** glibc keeps a 1-byte buffer once a stream was made unbuffered, whatever mode is set later. */
    private boolean shortBuf;
    private int pushback = -1; // STDIN: a byte given back by ungetc

    private LuaFile(Kind kind, LuaState L, FileChannel ch, Pipe proc, InputStream pin, OutputStream pout,
            boolean canRead, boolean canWrite, boolean append, Set<LuaFile> dirty) {
        this.kind = kind;
        this.L = L;
        this.ch = ch;
        this.proc = proc;
        this.pin = pin;
        this.pout = pout;
        this.canRead = canRead;
        this.canWrite = canWrite;
        this.append = append;
        this.dirty = dirty;
        if (kind == Kind.STDERR) bufMode = NO;
    }

    /**
     * For a directory opened for reading, where lseek's SEEK_END puts it (the file system's
     * answer, not its size: ext2/3/4 give the largest offset, tmpfs refuses with EINVAL, which
     * {@link #DIR_EINVAL} stands for); -1 for anything else (SEEK_END is the size).
     */
    long dirEnd = -1;
    static final long DIR_EINVAL = -2;

    /** {@link #dirEnd} for directory p, as lseek on its file system answers SEEK_END. */
    static long dirEnd(java.nio.file.Path p) {
        try {
            String type = java.nio.file.Files.getFileStore(p).type();
            if (type.equals("ext4") || type.equals("ext3") || type.equals("ext2")) return Long.MAX_VALUE;
            if (type.equals("tmpfs")) return DIR_EINVAL;
        } catch (IOException | RuntimeException e) {
            // unknown: its size, as before
        }
        return -1;
    }

    static LuaFile file(FileChannel ch, boolean canRead, boolean canWrite, boolean append, long pos, Set<LuaFile> dirty) {
        LuaFile f = new LuaFile(Kind.FILE, null, ch, null, null, null, canRead, canWrite, append, dirty);
        f.pos = pos;
        return f;
    }

    static LuaFile std(Kind kind, LuaState L) {
        return new LuaFile(kind, L, null, null, null, null, kind == Kind.STDIN, kind != Kind.STDIN, false, null);
    }

    static LuaFile pipe(LuaState L, Pipe p, boolean read, Set<LuaFile> dirty) {
        return new LuaFile(Kind.PIPE, L, null, p, p.in(), p.out(), read, !read, false, dirty);
    }

    /** A popen child: the pipe's end this process uses, and pclose. */
    interface Pipe {
        /** The child's output (a read pipe), else null. */
        InputStream in();

        /** The child's input (a write pipe), else null. */
        OutputStream out();

        /** Waits for the child (after in/out were closed): its wait status as C's pclose gives it. */
        int close();
    }

    /**
     * A pipe to a Java {@link Process}: its exit code as a wait status (a
     * child killed by signal n looks like an exit with status 128+n, and the
     * read end stops at the shell's exit: Java cannot do better).
     */
    static Pipe processPipe(Process p, boolean read) {
        return new Pipe() {
            @Override public InputStream in() { return read ? p.getInputStream() : null; }

            @Override public OutputStream out() { return read ? null : p.getOutputStream(); }

            @Override public int close() { return (waitFor(p) & 0xff) << 8; }
        };
    }

    private static int waitFor(Process p) {
        boolean interrupted = false;
        try {
            for (;;) {
                try {
                    return p.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    boolean isStd() { return kind == Kind.STDIN || kind == Kind.STDOUT || kind == Kind.STDERR; }

    boolean isPipe() { return kind == Kind.PIPE; }

    // ---------------------------------------------------------------- errors

    static final IOException EBADF = new IOException("Bad file descriptor");
    static final IOException ESPIPE = new IOException("Illegal seek");
    static final IOException EINVAL = new IOException("Invalid argument");

    private static final Object[][] ERRNO = {
        {1, "Operation not permitted"}, {2, "No such file or directory"}, {5, "Input/output error"},
        {9, "Bad file descriptor"}, {10, "No child processes"}, {11, "Resource temporarily unavailable"},
        {12, "Cannot allocate memory"}, {13, "Permission denied"},
        {16, "Device or resource busy"}, {17, "File exists"}, {20, "Not a directory"},
        {21, "Is a directory"}, {22, "Invalid argument"}, {24, "Too many open files"},
        {26, "Text file busy"}, {27, "File too large"}, {28, "No space left on device"},
        {29, "Illegal seek"}, {30, "Read-only file system"}, {32, "Broken pipe"},
        {36, "File name too long"}, {40, "Too many levels of symbolic links"},
    };

    /** The Linux errno behind a Java I/O failure. */
    static int errno(Exception e) {
        if (e instanceof NoSuchFileException || e instanceof InvalidPathException) return 2;
        if (e instanceof AccessDeniedException) return 13;
        if (e instanceof FileAlreadyExistsException) return 17;
        String r = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (r != null) {
            for (Object[] p : ERRNO) if (r.startsWith((String) p[1])) return (Integer) p[0];
            if (r.contains("Broken pipe")) return 32;
            if (r.contains("Stream closed")) return 9;
        }
        return 5;
    }

    /** glibc's strerror text for a Java I/O failure. */
    static String strerror(Exception e) {
        return strerror(errno(e));
    }

    /** glibc's strerror text for the errno values luahost meets ("Input/output error" for the others). */
    static String strerror(int n) {
        for (Object[] p : ERRNO) if ((Integer) p[0] == n) return (String) p[1];
        return "Input/output error";
    }

    // ---------------------------------------------------------------- reading

    /** getc: the next byte, or -1 at end of file. */
    int getc() throws IOException {
        if (!canRead) throw EBADF;
        switch (kind) {
            case FILE -> {
                if (wlen > 0) flushWrite();
                int i = (int) (pos - rbase);
                if (rbuf == null || i < 0 || i >= rlen) {
                    if (!fillFile()) return -1;
                    i = 0;
                }
                pos++;
                return rbuf[i] & 0xff;
            }
            case STDIN -> {
                if (pushback >= 0) {
                    int c = pushback;
                    pushback = -1;
                    return c;
                }
                return L.stdin.read();
            }
            default -> {
                if (rpos >= rlen && !fillPipe()) return -1;
                return rbuf[rpos++] & 0xff;
            }
        }
    }

    /** ungetc of the byte getc just returned (no effect for -1). */
    void ungetc(int c) {
        if (c < 0) return;
        switch (kind) {
            case FILE -> pos--;
            case STDIN -> pushback = c;
            default -> rpos--;
        }
    }

    private boolean fillFile() throws IOException {
        if (rbuf == null) rbuf = new byte[BUFSIZE];
        rbase = pos;
        rlen = 0;
        int n = ch.read(ByteBuffer.wrap(rbuf), pos);
        if (n <= 0) return false;
        rlen = n;
        return true;
    }

    private boolean fillPipe() throws IOException {
        if (rbuf == null) rbuf = new byte[BUFSIZE];
        int n = pin.read(rbuf, 0, rbuf.length);
        if (n <= 0) return false;
        rpos = 0;
        rlen = n;
        return true;
    }

    /** Appends up to n bytes to sb (as chars 0..255); returns how many were read. */
    long readChars(StringBuilder sb, long n) throws IOException {
        long got = 0;
        while (got < n) {
            if (kind == Kind.FILE && wlen == 0 && rbuf != null && canRead) {
                int i = (int) (pos - rbase);
                if (i >= 0 && i < rlen) {   // bulk copy from the buffer
                    int k = (int) Math.min(n - got, rlen - i);
                    for (int j = 0; j < k; j++) sb.append((char) (rbuf[i + j] & 0xff));
                    pos += k;
                    got += k;
                    continue;
                }
            }
            int c = getc();
            if (c < 0) break;
            sb.append((char) c);
            got++;
        }
        return got;
    }

    /** Reads a line into sb; keepNl keeps the '\n'. Returns whether anything (a newline or bytes) was read. */
    boolean readLine(StringBuilder sb, boolean keepNl) throws IOException {
        int start = sb.length();
        for (;;) {
            if (kind == Kind.FILE && wlen == 0 && rbuf != null && canRead) {
                int i = (int) (pos - rbase);
                if (i >= 0 && i < rlen) {
                    int j = i;
                    byte[] b = rbuf;
                    int end = rlen;
                    while (j < end && b[j] != '\n') sb.append((char) (b[j++] & 0xff));
                    pos += j - i;
                    if (j < end) {   // found the newline
                        pos++;
                        if (keepNl) sb.append('\n');
                        return true;
                    }
                    continue;
                }
            }
            int c = getc();
            if (c < 0) return sb.length() > start;
            if (c == '\n') {
                if (keepNl) sb.append('\n');
                return true;
            }
            sb.append((char) c);
        }
    }

    /** Reads everything that is left. */
    void readAll(StringBuilder sb) throws IOException {
        if (kind == Kind.STDIN && canRead) {
            if (pushback >= 0) {
                sb.append((char) pushback);
                pushback = -1;
            }
            byte[] b = L.stdin.readAllBytes();
            sb.append(LuaString.fromBytes(b));
            return;
        }
        readChars(sb, Long.MAX_VALUE);
    }

    // ---------------------------------------------------------------- writing

    /** Writes a Lua string's bytes (buffered per the file's mode). */
    void write(String s) throws IOException {
        if (!canWrite) throw EBADF;
        switch (kind) {
            case STDOUT, STDERR -> {
                PrintStream ps = kind == Kind.STDOUT ? L.stdout : L.stderr;
                L.write(ps, s);
                if (bufMode == NO || (bufMode == LINE && s.indexOf('\n') >= 0)) ps.flush();
                return;
            }
            default -> {}
        }
        int n = s.length();
        if (kind == Kind.FILE && rbuf != null) {   // drop read-ahead: writing starts at the logical position
            rlen = 0;
        }
        if (wbuf == null) wbuf = new byte[BUFSIZE];
        if (wlen == 0 && dirty != null && n > 0) dirty.add(this);
        int i = 0;
        while (i < n) {
            if (wlen == wbuf.length) flushWrite();
            int k = Math.min(n - i, wbuf.length - wlen);
            for (int j = 0; j < k; j++) wbuf[wlen + j] = (byte) s.charAt(i + j);
            wlen += k;
            i += k;
        }
        if (bufMode == NO || shortBuf || wlen == wbuf.length) {
            flushWrite();
        } else if (bufMode == LINE) {
            // line buffering writes out everything up to the last newline
            int nl = -1;
            for (int j = wlen - 1; j >= 0; j--) if (wbuf[j] == '\n') { nl = j; break; }
            if (nl >= 0) flushPart(nl + 1);
        }
    }

    /** Writes out the first n buffered bytes, keeping the rest buffered. */
    private void flushPart(int n) throws IOException {
        if (n >= wlen) {
            flushWrite();
            return;
        }
        byte[] rest = java.util.Arrays.copyOfRange(wbuf, n, wlen);
        wlen = n;
        flushWrite();
        System.arraycopy(rest, 0, wbuf, 0, rest.length);
        wlen = rest.length;
        if (dirty != null) dirty.add(this);
    }

    private void flushWrite() throws IOException {
        if (wlen == 0) return;
        int n = wlen;
        wlen = 0;
        if (dirty != null) dirty.remove(this);
        if (kind == Kind.FILE) {
            long at = append ? ch.size() : pos;
            ByteBuffer bb = ByteBuffer.wrap(wbuf, 0, n);
            while (bb.hasRemaining()) at += ch.write(bb, at);
            pos = at;
            rlen = 0;
        } else {
            L.stdout.flush();   // the reference's print has flushed what the child's output must follow
            pout.write(wbuf, 0, n);
            pout.flush();
        }
    }

    /** The position writes would go to / reads come from (ftell). */
    private long tell() throws IOException {
        if (append && wlen > 0) return ch.size() + wlen;
        return pos + wlen;
    }

    void flush() throws IOException {
        switch (kind) {
            case STDOUT -> L.stdout.flush();
            case STDERR -> L.stderr.flush();
            case STDIN -> {}
            default -> flushWrite();
        }
    }

    /** fseek + ftell; whence 0 set, 1 cur, 2 end. */
    long seek(int whence, long off) throws IOException {
        if (kind == Kind.STDIN && L.stdin instanceof StdinStream in) {   // a regular file can seek
            int back = pushback >= 0 ? 1 : 0;   // a byte given back by ungetc is before the stream's position
            if (whence == 1 && off == 0) return in.seek(1, 0) - back;   // ftell
            long r = in.seek(whence, whence == 1 ? off - back : off);
            pushback = -1;
            return r;
        }
        if (kind == Kind.STDOUT || kind == Kind.STDERR) {   // the process's own: a regular file can seek
            if ((kind == Kind.STDOUT ? L.stdout : L.stderr) instanceof ProcessOutput po) return po.seek(whence, off);
        }
        if (kind != Kind.FILE) throw ESPIPE;
        long cur = tell();
        flushWrite();
        if (whence == 2 && dirEnd == DIR_EINVAL) throw EINVAL;
        long base = whence == 0 ? 0 : whence == 1 ? cur : dirEnd >= 0 ? dirEnd : ch.size();
        long np = base + off;
        if (np < 0 || ((off ^ np) & (base ^ np)) < 0 || (np > MAX_POSITION && dirEnd < 0)) throw EINVAL;
        pos = np;
        rlen = 0;
        return np;
    }

    /** setvbuf with a NULL buffer, as liolib calls it: glibc ignores the size then. */
    void setvbuf(int mode, long size) throws IOException {
        if (kind == Kind.FILE || kind == Kind.PIPE) flushWrite();
        bufMode = mode;
        if (mode == NO) shortBuf = true;
    }

    /** Closes a regular file (flushing it); a failure to flush is reported after the close. */
    void closeFile() throws IOException {
        closed = true;
        IOException err = null;
        try {
            flushWrite();
        } catch (IOException e) {
            err = e;
        }
        if (dirty != null) dirty.remove(this);
        ch.close();
        if (err != null) throw err;
    }

    /** Closes a pipe and waits for the child: its wait status (as pclose). */
    int closePipe() {
        closed = true;
        try {
            flushWrite();
        } catch (IOException e) {
            // the child stopped reading: pclose still reports its status
        }
        if (dirty != null) dirty.remove(this);
        try {
            if (pout != null) pout.close();
            if (pin != null) pin.close();
        } catch (IOException e) {
            // ignore, as pclose does
        }
        return proc.close();
    }

    /** Flushes and closes without reporting (exit, garbage collection). */
    synchronized void closeQuietly() {
        if (closed) return;
        try {
            if (kind == Kind.FILE) closeFile();
            else if (kind == Kind.PIPE) closePipe();
        } catch (IOException e) {
            // nothing to report to
        }
    }

    /** Flushes pending output without reporting (exit). */
    synchronized void flushQuietly() {
        try {
            if (!closed) flushWrite();
        } catch (IOException e) {
            // nothing to report to
        }
    }
}
