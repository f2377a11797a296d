package org.tokenspace.app;

import org.tokenspace.io.SessionFile;
import org.tokenspace.model.Tables;

/**
 * Tables read from a file, used by every stage instead of the seeded ones.
 *
 * @param description how the window names them (the file, its tensors)
 * @param source      where they came from, for sessions
 */
public record LoadedTables(Tables tables, String description, SessionFile.TablesSource source) {
}
