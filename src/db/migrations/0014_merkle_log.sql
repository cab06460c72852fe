-- The record becomes a Merkle tree log (RFC 9162): every entry is a leaf, checkpoints are
-- signed notes (C2SP tlog-checkpoint) that the member states' witnesses co-sign, and the
-- server's signing key leaves the database (it lives in a key file; see ledger/keys.ts).
-- Numbered migrations are never edited once landed; add a new file instead.

-- Every complete perfect subtree of the log: the 2^level leaves from idx * 2^level. Level 0
-- holds the leaf hashes, SHA-256(0x00 || the entry's 32-byte hash); a parent is
-- SHA-256(0x01 || left || right). Written once, when its last leaf arrives; a proof over a
-- million entries reads about log2(n)^2 of these rows, never the entries.
create table ledger_tree (
  level smallint not null check (level between 0 and 62),
  idx bigint not null check (idx >= 0),
  hash bytea not null check (length(hash) = 32),
  primary key (level, idx)
);

-- Appends the leaf at p_index (an entry's seq - 1) whose data is the entry's hash (hex), and
-- every parent it completes. The verifier's copy is ledger/merkle.ts (leafHash, nodeHash,
-- completedBy).
create function ledger_tree_append(p_index bigint, p_entry_hash text) returns bytea
language plpgsql as $$
declare
  lvl smallint := 0;
  i bigint := p_index;
  h bytea := sha256('\x00'::bytea || decode(p_entry_hash, 'hex'));
  sibling bytea;
begin
  insert into ledger_tree (level, idx, hash) values (0, i, h);
  while i % 2 = 1 loop
    select t.hash into strict sibling from ledger_tree t where t.level = lvl and t.idx = i - 1;
    lvl := lvl + 1;
    i := i / 2;
    h := sha256('\x01'::bytea || sibling || h);
    insert into ledger_tree (level, idx, hash) values (lvl, i, h);
  end loop;
  return h;
end;
$$;

-- The entries recorded so far become the first leaves, in order.
do $$
declare
  e record;
begin
  for e in select seq, hash from ledger_entries order by seq loop
    perform ledger_tree_append(e.seq - 1, e.hash);
  end loop;
end;
$$;

create trigger ledger_tree_append_only
  before update or delete on ledger_tree
  for each row execute function accord_refuse_change();
create trigger ledger_tree_no_truncate
  before truncate on ledger_tree
  for each statement execute function accord_refuse_change();

-- The private key leaves the database: whoever can write these tables must not be able to
-- sign. The table keeps the public keys the log has signed with (newest last), for readers
-- without trusted anchors; trust comes from the witnesses' keys and saved checkpoints.
alter table signing_keys drop column private_key_pem;
alter table signing_keys
  add column name text,
  add column verifier_key text,
  add column retired_at timestamptz;

-- Checkpoints are now signed notes over (origin, tree size, root hash). The old rows signed
-- the chain's head with a key the database held; they prove nothing a database writer could
-- not forge, so they go, and the first checkpoint after this migration covers every entry.
drop table ledger_checkpoints;
create table ledger_checkpoints (
  size bigint primary key check (size > 0),
  root bytea not null check (length(root) = 32),
  -- The note as the log signed it: body, blank line, the log's signature line.
  note text not null,
  key_id text not null,
  signed_at timestamptz not null default now()
);
create trigger ledger_checkpoints_append_only
  before update or delete on ledger_checkpoints
  for each row execute function accord_refuse_change();
create trigger ledger_checkpoints_no_truncate
  before truncate on ledger_checkpoints
  for each statement execute function accord_refuse_change();

-- The witnesses the organisation file names: a member state's key that co-signs checkpoints.
create table ledger_witnesses (
  name text primary key check (name ~ '^[^\s+]{1,100}$'),
  state_code text,
  verifier_key text not null unique,
  active boolean not null default true
);
-- How many active witnesses' co-signatures make a checkpoint "witnessed".
create table ledger_settings (
  id smallint primary key default 1 check (id = 1),
  witness_quorum integer not null default 0 check (witness_quorum >= 0)
);
insert into ledger_settings (id, witness_quorum) values (1, 0);

-- Co-signatures received from witnesses (C2SP tlog-cosignature/v1), one per witness and size.
create table ledger_cosignatures (
  size bigint not null references ledger_checkpoints (size),
  witness text not null references ledger_witnesses (name),
  -- The signature line as the witness returned it ("— name base64(keyID || time || sig)").
  line text not null,
  cosigned_at timestamptz not null,
  received_at timestamptz not null default now(),
  primary key (size, witness)
);
create index ledger_cosignatures_witness_idx on ledger_cosignatures (witness, size desc);
create trigger ledger_cosignatures_append_only
  before update or delete on ledger_cosignatures
  for each row execute function accord_refuse_change();
