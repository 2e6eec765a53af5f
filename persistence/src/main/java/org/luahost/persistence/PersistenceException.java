package org.luahost.persistence;

/** A snapshot could not be taken, stored, loaded or restored. The message is a full sentence for the user. */
public class PersistenceException extends RuntimeException {
    public PersistenceException(String message) { super(message); }

    public PersistenceException(String message, Throwable cause) { super(message, cause); }
}
