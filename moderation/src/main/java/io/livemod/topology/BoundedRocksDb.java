package io.livemod.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompactionStyle;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One block cache and one memtable budget for every RocksDB store of the process: RocksDB instances
 * multiply by stores × partitions, and each would otherwise take its own 50 MB of off-heap memory.
 * The budget is {@link #CACHE_BYTES} (from {@link ModerationConfig#rocksDbCacheBytes()}); memtables
 * count against the same cache, so the total stays bounded however many partitions land here.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {
    public static final String CACHE_BYTES = "livemod.rocksdb.cache.bytes";
    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    private static synchronized void initialize(long bytes) {
        if (cache != null) return;
        cache = new LRUCache(bytes, -1, false, 0.1);
        writeBuffers = new WriteBufferManager(bytes / 4, cache);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object size = configs.get(CACHE_BYTES);
        initialize(size == null ? 64L << 20 : Long.parseLong(size.toString()));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setTableFormatConfig(table);
        options.setMaxWriteBufferNumber(2);
        options.setCompactionStyle(CompactionStyle.LEVEL);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write-buffer manager are shared by every store: they live as long as the process.
    }
}
