package dev.goconc.checker.api;

import dev.goconc.checker.LostCancel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class GoconcApiTest {
  @Test
  void linksPointAtTheRulePage() {
    assertEquals(GoconcApi.RULES_BASE_URL + "LostCancel.md", GoconcApi.linkFor("LostCancel"));
  }
}
