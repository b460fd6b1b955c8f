package dev.tgmd.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.IntConsumer;

/**
 * The process's SIGINT and SIGTERM handlers, through {@code sun.misc.Signal} (module
 * jdk.unsupported, in every JDK; the only way Java offers). Reached by reflection, in this one
 * place: javac warns about every mention of the type and those warnings cannot be suppressed, and
 * the build treats warnings as errors.
 */
final class OsSignals {

  private static final Class<?> SIGNAL;
  private static final Class<?> HANDLER;
  private static final Method HANDLE;
  private static final Method NUMBER;
  private static final Object IGNORE;

  static {
    try {
      SIGNAL = Class.forName("sun.misc.Signal");
      HANDLER = Class.forName("sun.misc.SignalHandler");
      HANDLE = SIGNAL.getMethod("handle", SIGNAL, HANDLER);
      NUMBER = SIGNAL.getMethod("getNumber");
      IGNORE = HANDLER.getField("SIG_IGN").get(null);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private OsSignals() {}

  /**
   * Makes {@code handler} (given the signal's number) the handler of the signal named {@code name}
   * ("INT", "TERM") until the returned handle is closed, which puts back the one before.
   *
   * @throws IllegalArgumentException when this platform has no such signal
   */
  static AutoCloseable handle(String name, IntConsumer handler) {
    Object proxy =
        Proxy.newProxyInstance(
            HANDLER.getClassLoader(),
            new Class<?>[] {HANDLER},
            (self, method, args) -> {
              switch (method.getName()) {
                case "handle":
                  handler.accept((Integer) NUMBER.invoke(args[0]));
                  return null;
                case "equals":
                  return self == args[0];
                case "hashCode":
                  return System.identityHashCode(self);
                default:
                  return "tgmd's " + name + " handler";
              }
            });
    return install(name, proxy);
  }

  /** Ignores the signal named {@code name} until the returned handle is closed. */
  static AutoCloseable ignore(String name) {
    return install(name, IGNORE);
  }

  private static AutoCloseable install(String name, Object handler) {
    Object signal;
    try {
      signal = SIGNAL.getConstructor(String.class).newInstance(name);
    } catch (InvocationTargetException e) {
      throw rethrown(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    Object old = call(signal, handler);
    return () -> call(signal, old);
  }

  private static Object call(Object signal, Object handler) {
    try {
      return HANDLE.invoke(null, signal, handler);
    } catch (InvocationTargetException e) {
      throw rethrown(e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RuntimeException rethrown(InvocationTargetException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }
}
