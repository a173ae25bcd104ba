package vn.hssk.tenant;

import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs a statement on the platform schema outside the caller's JTA transaction. The registry is read inside tenant
 * transactions (binding the caller's province, the connection provider reading it again); on a province whose data is
 * on another database server, a registry connection enlisted in the same transaction would be a second one-phase
 * resource, which the transaction manager refuses. Registry reads need no transaction, and its writes commit at once.
 */
final class OutsideTransaction {

    private static final String TRANSACTION_MANAGER = "java:jboss/TransactionManager";
    private static volatile TransactionManager manager;

    private OutsideTransaction() {
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    static <T> T run(Work<T> work) throws SQLException {
        TransactionManager tm = manager();
        Transaction suspended = null;
        if (tm != null) {
            try {
                suspended = tm.getTransaction() == null ? null : tm.suspend();
            } catch (SystemException e) {
                throw new SQLException("Cannot suspend the transaction to read the tenant registry", e);
            }
        }
        try {
            return work.run();
        } finally {
            if (suspended != null) {
                try {
                    tm.resume(suspended);
                } catch (InvalidTransactionException | SystemException e) {
                    throw new IllegalStateException("Cannot resume the transaction after reading the registry", e);
                }
            }
        }
    }

    /** The server's transaction manager; none outside a server (plain unit tests). */
    private static TransactionManager manager() {
        TransactionManager tm = manager;
        if (tm == null) {
            try {
                tm = (TransactionManager) new InitialContext().lookup(TRANSACTION_MANAGER);
                manager = tm;
            } catch (NamingException | RuntimeException noServer) {
                return null;
            }
        }
        return tm;
    }
}
