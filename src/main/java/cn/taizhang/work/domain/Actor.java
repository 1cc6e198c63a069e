package cn.taizhang.work.domain;

/** Who does something to an item: a name for the ledger and, when the account is a person, the person. */
public record Actor(String name, Long personId) {
}
