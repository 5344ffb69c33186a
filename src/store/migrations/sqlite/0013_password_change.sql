-- A password an administrator set (a new account's first password, or a
-- reset) is known to someone else: the user must choose their own before
-- doing anything else (AccountService::ChangeOwnPassword clears the flag).
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
  CHECK (must_change_password IN (0, 1));
