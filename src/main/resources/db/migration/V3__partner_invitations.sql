-- Invitations for partner contacts to set their own password. Only a hash of the token is kept.
create table partner_invitation (
  token_hash   varchar(64)   primary key,
  user_id      varchar(64)   not null,
  email        varchar(320)  not null,
  created_at   timestamp with time zone not null,
  expires_at   timestamp with time zone not null,
  used_at      timestamp with time zone
);
create index partner_invitation_user_idx on partner_invitation (user_id);
