package dev.dbcheck.base;


import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reading migration files and naming them the way reports do. */
public final class SourceFiles {

    private SourceFiles() {
    }

    /** The path relative to the source root (the repository), with forward slashes; absolute if outside it. */
    public static String displayPath(Path file, Path sourceRoot) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = sourceRoot.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /** Reads a file as UTF-8, failing with the line of the first invalid byte sequence. */
    public static String readUtf8(Path file, String displayPath) throws DbcheckException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DbcheckException(displayPath + ": cannot read the file: " + describe(e), e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int line = 1;
            int bad = firstInvalidOffset(bytes);
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new DbcheckException(displayPath + ":" + line + ": the file is not valid UTF-8 (byte 0x"
                    + String.format("%02X", bytes[bad] & 0xff) + " at offset " + bad
                    + "); save it as UTF-8, the encoding migrations are read in");
        }
    }

    private static int firstInvalidOffset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length + 1), true);
        return result.isError() ? in.position() : Math.max(0, bytes.length - 1);
    }

    /**
     * An I/O error as a sentence: Java's messages for the common ones are only the path ("no such file" is in the
     * exception's type).
     */
    public static String describe(IOException e) {
        String path = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null ? fs.getFile() : null;
        String what;
        if (e instanceof java.nio.file.NoSuchFileException) {
            what = "no such file or directory";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            what = "permission denied";
        } else if (e instanceof java.nio.file.NotDirectoryException) {
            what = "not a directory";
        } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
            what = "a file of that name is in the way";
        } else if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            what = fs.getReason();
        } else {
            return e.getMessage();
        }
        return path == null ? what : what + " (" + path + ")";
    }

    /** The 1-based line of a character offset in a text. */
    public static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Replaces {@code ${name}} placeholders the way Flyway does (names matched exactly). */
    public static String replacePlaceholders(String text, Map<String, String> placeholders) {
        String result = text;
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            result = result.replace("${" + p.getKey() + "}", p.getValue());
        }
        return result;
    }
}
