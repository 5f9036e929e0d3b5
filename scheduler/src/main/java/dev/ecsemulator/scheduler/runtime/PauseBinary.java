package dev.ecsemulator.scheduler.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The sandbox's only program: a minimal static ELF64 executable, written byte by byte, that waits for
 * signals forever and never exits on its own. No libc, no sections: an ELF header, one {@code PT_LOAD}
 * program header, and a few instructions. As PID 1 it has no handler for SIGTERM, so the kernel ignores
 * SIGTERM for it; the runtime stops sandboxes with SIGKILL. Pure.
 *
 * <ul>
 *   <li>amd64: {@code mov eax, 34 (pause); syscall; jmp back}.
 *   <li>arm64 (which has no {@code pause}): {@code ppoll(NULL, 0, NULL, NULL, 0)} (syscall 73, blocks until
 *       a signal), in a loop: {@code mov x0..x4, #0; mov x8, #73; svc #0; b back}.
 * </ul>
 */
public final class PauseBinary {

  /** Where the program is loaded: the conventional base of static executables. */
  public static final long LOAD_ADDRESS = 0x400000L;
  static final int ELF_HEADER_SIZE = 64;
  static final int PROGRAM_HEADER_SIZE = 56;
  static final int CODE_OFFSET = ELF_HEADER_SIZE + PROGRAM_HEADER_SIZE;

  /** The x86-64 Linux syscall number of {@code pause}. */
  static final int AMD64_SYS_PAUSE = 34;
  /** The arm64 (asm-generic) Linux syscall number of {@code ppoll}. */
  static final int ARM64_SYS_PPOLL = 73;

  private PauseBinary() {}

  /** Architectures the emulator can build a sandbox for, with Docker's and ELF's names for them. */
  public enum Arch {
    AMD64("amd64", 62, 0x1000),
    ARM64("arm64", 183, 0x10000);

    private final String dockerName;
    private final int elfMachine;
    private final long alignment;

    Arch(String dockerName, int elfMachine, long alignment) {
      this.dockerName = dockerName;
      this.elfMachine = elfMachine;
      this.alignment = alignment;
    }

    /** The OCI / Docker image architecture ({@code amd64}, {@code arm64}). */
    public String dockerName() {
      return dockerName;
    }

    /** ELF {@code e_machine}: 62 (EM_X86_64) or 183 (EM_AARCH64). */
    public int elfMachine() {
      return elfMachine;
    }

    /** From {@code docker info}'s Architecture ({@code x86_64}, {@code aarch64}, ...); null if unsupported. */
    public static Arch fromDocker(String architecture) {
      if (architecture == null) {
        return null;
      }
      return switch (architecture.toLowerCase(java.util.Locale.ROOT)) {
        case "x86_64", "amd64" -> AMD64;
        case "aarch64", "arm64", "arm64v8" -> ARM64;
        default -> null;
      };
    }
  }

  /** The machine code of the wait loop for {@code arch}. */
  static byte[] code(Arch arch) {
    return switch (arch) {
      case AMD64 -> new byte[] {
          (byte) 0xb8, (byte) AMD64_SYS_PAUSE, 0, 0, 0, // mov eax, 34
          0x0f, 0x05,                                  // syscall
          (byte) 0xeb, (byte) 0xf7                     // jmp -9 (to mov)
      };
      case ARM64 -> words(
          movz(0, 0), movz(1, 0), movz(2, 0), movz(3, 0), movz(4, 0), // ppoll(NULL, 0, NULL, NULL, 0)
          movz(8, ARM64_SYS_PPOLL),                                    // x8 = 73
          0xd4000001,                                                  // svc #0
          branch(-7));                                                 // b loop
    };
  }

  /** The complete executable for {@code arch}. */
  public static byte[] executable(Arch arch) {
    byte[] code = code(arch);
    int size = CODE_OFFSET + code.length;
    ByteBuffer elf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    // e_ident: magic, ELFCLASS64, ELFDATA2LSB, EV_CURRENT, System V ABI, padding
    elf.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    elf.putShort((short) 2);                      // e_type: ET_EXEC
    elf.putShort((short) arch.elfMachine);        // e_machine
    elf.putInt(1);                                // e_version
    elf.putLong(LOAD_ADDRESS + CODE_OFFSET);      // e_entry
    elf.putLong(ELF_HEADER_SIZE);                 // e_phoff
    elf.putLong(0);                               // e_shoff: no sections
    elf.putInt(0);                                // e_flags
    elf.putShort((short) ELF_HEADER_SIZE);        // e_ehsize
    elf.putShort((short) PROGRAM_HEADER_SIZE);    // e_phentsize
    elf.putShort((short) 1);                      // e_phnum
    elf.putShort((short) 0);                      // e_shentsize
    elf.putShort((short) 0);                      // e_shnum
    elf.putShort((short) 0);                      // e_shstrndx
    // The one program header: load the whole file, read + execute.
    elf.putInt(1);                                // p_type: PT_LOAD
    elf.putInt(5);                                // p_flags: PF_R | PF_X
    elf.putLong(0);                               // p_offset
    elf.putLong(LOAD_ADDRESS);                    // p_vaddr
    elf.putLong(LOAD_ADDRESS);                    // p_paddr
    elf.putLong(size);                            // p_filesz
    elf.putLong(size);                            // p_memsz
    elf.putLong(arch.alignment);                  // p_align
    elf.put(code);
    return elf.array();
  }

  /** AArch64 {@code MOVZ Xd, #imm16}. */
  static int movz(int register, int imm16) {
    return 0xd2800000 | (imm16 << 5) | register;
  }

  /** AArch64 {@code B} by {@code instructions} (negative: backwards). */
  static int branch(int instructions) {
    return 0x14000000 | (instructions & 0x03ffffff);
  }

  private static byte[] words(int... words) {
    ByteBuffer buffer = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int word : words) {
      buffer.putInt(word);
    }
    return buffer.array();
  }
}
