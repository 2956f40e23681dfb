package org.kleline.ledger.projector.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory of every RocksDB store of the process together: one LRU block cache shared by
 * all stores, with the memtables (write buffers) charged to the same cache through one
 * WriteBufferManager, and index and filter blocks cached there too instead of living outside the
 * bound. Total from {@value ProjectorSettings#ROCKSDB_MEMORY_BYTES} (default 256 MiB).
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {

    /** The bound on the memory of every store of the process: one block cache and write buffer manager. */
    public static final String MEMORY_BYTES_CONFIG = "ledger.rocksdb.memory.bytes";

    public static final long DEFAULT_MEMORY_BYTES = 256L * 1024 * 1024;
    public static final long MEMORY_BYTES_MIN = 16L * 1024 * 1024;

    /** Share of the bound the memtables may use before RocksDB flushes them. */
    static final double WRITE_BUFFER_SHARE = 0.5;

    static final double HIGH_PRIORITY_POOL_RATIO = 0.1;
    static final long WRITE_BUFFER_SIZE_BYTES = 4L * 1024 * 1024;
    /**
     * A memtable reserves arena blocks of write_buffer_size / 8 by default, charged to the shared
     * budget as soon as it holds one key. With a dozen stores per partition, idle stores alone would
     * then fill the budget and every write anywhere would force a flush of a tiny memtable.
     */
    static final long ARENA_BLOCK_SIZE_BYTES = 64L * 1024;

    static final int MAX_WRITE_BUFFERS = 2;
    static final long BLOCK_SIZE_BYTES = 16L * 1024;

    /** One pool per bound: every projector of the process with the same bound shares it. */
    private static final Map<Long, SharedMemory> POOLS = new HashMap<>();

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        SharedMemory memory = sharedMemory(totalBytes(configs));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_SIZE_BYTES);
        options.setWriteBufferManager(memory.writeBufferManager);
        options.setWriteBufferSize(WRITE_BUFFER_SIZE_BYTES);
        options.setMaxWriteBufferNumber(MAX_WRITE_BUFFERS);
        options.setArenaBlockSize(ARENA_BLOCK_SIZE_BYTES);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store of the process: not ours to close.
    }

    /** The bounds of the pools opened so far in this process. */
    public static synchronized Set<Long> poolBoundsBytes() {
        return Set.copyOf(POOLS.keySet());
    }

    static long totalBytes(Map<String, Object> configs) {
        Object raw = configs.get(MEMORY_BYTES_CONFIG);
        if (raw == null) {
            return DEFAULT_MEMORY_BYTES;
        }
        try {
            long bytes = Long.parseLong(raw.toString().trim());
            if (bytes < MEMORY_BYTES_MIN) {
                throw new IllegalArgumentException(
                        MEMORY_BYTES_CONFIG + " must be >= " + MEMORY_BYTES_MIN + ", got " + bytes);
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MEMORY_BYTES_CONFIG + " is not a number: '" + raw + "'", e);
        }
    }

    private static synchronized SharedMemory sharedMemory(long totalBytes) {
        return POOLS.computeIfAbsent(totalBytes, SharedMemory::new);
    }

    private static final class SharedMemory {
        final long totalBytes;
        final Cache cache;
        final WriteBufferManager writeBufferManager;

        SharedMemory(long totalBytes) {
            this.totalBytes = totalBytes;
            this.cache = new LRUCache(totalBytes, -1, false, HIGH_PRIORITY_POOL_RATIO);
            this.writeBufferManager = new WriteBufferManager((long) (totalBytes * WRITE_BUFFER_SHARE), cache);
        }
    }
}
