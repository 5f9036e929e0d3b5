package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.scheduler.runtime.PauseBinary.Arch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The sandbox program, read back as the kernel's ELF loader would. amd64 also runs for real in
 * {@link SandboxDockerIT}; arm64 cannot run here, so its instructions are decoded and checked.
 */
class PauseBinaryTest {

  static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  @ParameterizedTest
  @EnumSource(Arch.class)
  void isAStaticElf64ExecutableWithOneLoadableSegment(Arch arch) {
    byte[] elf = PauseBinary.executable(arch);
    ByteBuffer b = le(elf);

    assertThat(new byte[] {elf[0], elf[1], elf[2], elf[3]}).containsExactly(0x7f, 'E', 'L', 'F');
    assertThat(elf[4]).as("ELFCLASS64").isEqualTo((byte) 2);
    assertThat(elf[5]).as("little endian").isEqualTo((byte) 1);
    assertThat(elf[6]).as("EV_CURRENT").isEqualTo((byte) 1);
    assertThat(b.getShort(16)).as("ET_EXEC").isEqualTo((short) 2);
    assertThat(b.getShort(18)).as("e_machine").isEqualTo((short) arch.elfMachine());
    long entry = b.getLong(24);
    long phoff = b.getLong(32);
    assertThat(phoff).isEqualTo(64);
    assertThat(b.getShort(52)).as("e_ehsize").isEqualTo((short) 64);
    assertThat(b.getShort(54)).as("e_phentsize").isEqualTo((short) 56);
    assertThat(b.getShort(56)).as("e_phnum").isEqualTo((short) 1);
    assertThat(b.getShort(60)).as("no sections").isZero();

    int ph = (int) phoff;
    assertThat(b.getInt(ph)).as("PT_LOAD").isEqualTo(1);
    assertThat(b.getInt(ph + 4)).as("R+X").isEqualTo(5);
    long offset = b.getLong(ph + 8);
    long vaddr = b.getLong(ph + 16);
    long filesz = b.getLong(ph + 32);
    long memsz = b.getLong(ph + 40);
    long align = b.getLong(ph + 48);
    assertThat(offset).isZero();
    assertThat(vaddr).isEqualTo(PauseBinary.LOAD_ADDRESS);
    assertThat(filesz).isEqualTo(elf.length).isEqualTo(memsz);
    assertThat(vaddr % align).as("the kernel maps segments at aligned addresses").isEqualTo(offset % align);
    assertThat(entry).as("entry inside the segment, at the code").isEqualTo(vaddr + PauseBinary.CODE_OFFSET)
        .isLessThan(vaddr + filesz);
    assertThat(elf.length).isLessThan(200);
  }

  @Test
  void amd64LoopsOnThePauseSyscall() {
    byte[] elf = PauseBinary.executable(Arch.AMD64);
    int at = PauseBinary.CODE_OFFSET;

    assertThat(elf[at] & 0xff).as("mov eax, imm32").isEqualTo(0xb8);
    assertThat(le(elf).getInt(at + 1)).as("__NR_pause on x86-64").isEqualTo(34);
    assertThat(new byte[] {elf[at + 5], elf[at + 6]}).as("syscall").containsExactly(0x0f, 0x05);
    assertThat(elf[at + 7] & 0xff).as("jmp rel8").isEqualTo(0xeb);
    int target = at + 9 + elf[at + 8]; // rel8 counts from the next instruction
    assertThat(target).as("jumps back to the mov").isEqualTo(at);
  }

  @Test
  void arm64LoopsOnPpollWithNullArguments() {
    byte[] elf = PauseBinary.executable(Arch.ARM64);
    ByteBuffer b = le(elf);
    List<Integer> words = new ArrayList<>();
    for (int at = PauseBinary.CODE_OFFSET; at < elf.length; at += 4) {
      words.add(b.getInt(at));
    }
    assertThat(words).hasSize(8);

    long[] registers = new long[31];
    java.util.Arrays.fill(registers, -1);
    int i = 0;
    // MOVZ Xd, #imm16 (64-bit, no shift): sf=1 opc=10 100101 hw=00
    while ((words.get(i) & 0xffe00000) == 0xd2800000) {
      int word = words.get(i);
      registers[word & 0x1f] = (word >>> 5) & 0xffff;
      i++;
    }
    assertThat(registers[8]).as("x8 = __NR_ppoll on arm64").isEqualTo(73);
    for (int arg = 0; arg <= 4; arg++) {
      assertThat(registers[arg]).as("x%d = 0 (fds, nfds, timeout, sigmask, sigsetsize)", arg).isZero();
    }
    assertThat(words.get(i)).as("svc #0").isEqualTo(0xd4000001);
    int branch = words.get(i + 1);
    assertThat(branch & 0xfc000000).as("B").isEqualTo(0x14000000);
    int imm26 = (branch << 6) >> 6; // sign-extend
    assertThat(i + 1 + imm26).as("branches back to the first instruction").isZero();
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {"x86_64, AMD64", "amd64, AMD64", "aarch64, ARM64", "arm64, ARM64",
      "s390x, null", "null, null"})
  void theEnginesArchitectureChoosesTheProgram(String docker, Arch expected) {
    assertThat(Arch.fromDocker(docker)).isEqualTo(expected);
  }
}
