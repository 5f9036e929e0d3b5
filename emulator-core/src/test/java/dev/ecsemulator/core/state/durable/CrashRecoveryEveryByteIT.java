package dev.ecsemulator.core.state.durable;

import java.util.stream.LongStream;

/**
 * {@link CrashRecoveryTest} with its cut tests cutting at every byte, not a sample: a journal torn at any byte of its
 * last commit, a snapshot truncated at any length. In the *IT lane for its time (a store reopened per cut, some
 * seconds per test on a loaded machine), not because it needs anything beyond a directory.
 */
class CrashRecoveryEveryByteIT extends CrashRecoveryTest {

  @Override
  LongStream cuts(long start, long end) {
    return LongStream.range(start, end);
  }
}
