"""AES-GCM sealing, key wrapping and blind indexes of names."""

from __future__ import annotations

import pytest

from panj.cases import crypto


def test_it_opens_what_it_sealed_only_in_the_same_context():
    key = crypto.new_key()
    sealed = crypto.seal(key, "فرزانه".encode(), b"org|case|identity")
    assert "فرزانه".encode() not in sealed
    assert crypto.open_sealed(key, sealed, b"org|case|identity") == "فرزانه".encode()
    with pytest.raises(crypto.DecryptionFailed):
        crypto.open_sealed(key, sealed, b"org|other-case|identity")
    with pytest.raises(crypto.DecryptionFailed):
        crypto.open_sealed(crypto.new_key(), sealed, b"org|case|identity")


def test_it_uses_a_fresh_nonce_for_every_value():
    key = crypto.new_key()
    assert crypto.seal(key, b"same", b"") != crypto.seal(key, b"same", b"")


def test_it_refuses_tampered_bytes():
    key = crypto.new_key()
    sealed = bytearray(crypto.seal(key, b"value", b"aad"))
    sealed[-1] ^= 1
    with pytest.raises(crypto.DecryptionFailed):
        crypto.open_sealed(key, bytes(sealed), b"aad")


def test_it_wraps_a_data_key_for_one_owner_and_version():
    master, data = crypto.new_key(), crypto.new_key()
    wrapped = crypto.wrap_key(master, data, owner="org-1", version=1)
    assert crypto.unwrap_key(master, wrapped, owner="org-1", version=1) == data
    with pytest.raises(crypto.DecryptionFailed):
        crypto.unwrap_key(master, wrapped, owner="org-2", version=1)


def test_it_rejects_a_master_key_of_the_wrong_size():
    with pytest.raises(ValueError):
        crypto.parse_master_key("c2hvcnQ=")


def test_it_normalises_names_across_spellings_of_the_same_letters():
    assert crypto.name_words("علي") == crypto.name_words("علی")
    assert crypto.name_words("كريمي") == crypto.name_words("کریمی")
    assert crypto.name_words("فر\u200cزانه") == crypto.name_words("فرزانه")
    assert crypto.name_words("مـحـمـد") == crypto.name_words("محمد")
    assert crypto.name_words("ZAHRA  Ahmadi", "zahra") == ["zahra", "ahmadi"]
    assert crypto.name_words("Zöhra") == ["zohra"]


def test_it_derives_tokens_that_depend_on_the_key():
    key = crypto.index_key(crypto.new_key())
    other = crypto.index_key(crypto.new_key())
    assert crypto.blind_token(key, "zahra") == crypto.blind_token(key, "zahra")
    assert crypto.blind_token(key, "zahra") != crypto.blind_token(other, "zahra")
    assert len(crypto.blind_token(key, "zahra")) == crypto.TOKEN_BYTES
