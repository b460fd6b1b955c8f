package dev.tgmd.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameAllocatorTest {

  @Test
  void twoChatsWithTheSameNameNeverCollide() {
    NameAllocator names = new NameAllocator();
    assertThat(names.allocate("Family", "1", 96)).isEqualTo("Family");
    assertThat(names.allocate("family", "2", 96))
        .as("case-insensitive file systems")
        .isEqualTo("family (2)");
    assertThat(names.allocate("Family", "2", 96)).isEqualTo("Family (2) 2");
  }

  @Test
  void reservedNamesAreNeverHandedOut() {
    NameAllocator names = new NameAllocator();
    names.reserve("media");
    assertThat(names.allocate("Media", "5", 96)).isEqualTo("Media (5)");
  }

  @Test
  void suffixesStayWithinTheByteBudget() {
    NameAllocator names = new NameAllocator();
    String longName = "x".repeat(96);
    names.allocate(longName, "1", 96);
    assertThat(names.allocate(longName, "123456789", 96).length()).isLessThanOrEqualTo(96);
  }
}
