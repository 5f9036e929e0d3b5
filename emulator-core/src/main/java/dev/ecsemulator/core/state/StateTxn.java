package dev.ecsemulator.core.state;

/**
 * Read and write access to one scope inside {@link StateStore#write}. Writes are buffered and become
 * visible to others, all at once, only if the whole mutation returns normally; reads inside the mutation
 * see its own writes.
 */
public interface StateTxn extends StateView {

  <V> void put(Kind<V> kind, String key, V value);

  /** Removes the entity; returns whether it existed. */
  <V> boolean remove(Kind<V> kind, String key);
}
