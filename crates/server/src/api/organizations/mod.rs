//! AWS Organizations, served over its JSON 1.1 protocol (see `http::organizations`): the
//! organization's structure and policies, stored in the management account's store (see
//! `crate::directory::organization`). One operation a file.

pub(crate) mod attach_policy;
pub(crate) mod create_account;
pub(crate) mod create_organization;
pub(crate) mod create_organizational_unit;
pub(crate) mod create_policy;
pub(crate) mod delete_organization;
pub(crate) mod delete_organizational_unit;
pub(crate) mod delete_policy;
pub(crate) mod delete_resource_policy;
pub(crate) mod deregister_delegated_administrator;
pub(crate) mod describe_account;
pub(crate) mod describe_create_account_status;
pub(crate) mod describe_organization;
pub(crate) mod describe_organizational_unit;
pub(crate) mod describe_policy;
pub(crate) mod describe_resource_policy;
pub(crate) mod detach_policy;
pub(crate) mod disable_aws_service_access;
pub(crate) mod disable_policy_type;
pub(crate) mod enable_aws_service_access;
pub(crate) mod enable_policy_type;
pub(crate) mod list_accounts;
pub(crate) mod list_accounts_for_parent;
pub(crate) mod list_aws_service_access_for_organization;
pub(crate) mod list_children;
pub(crate) mod list_create_account_status;
pub(crate) mod list_delegated_administrators;
pub(crate) mod list_delegated_services_for_account;
pub(crate) mod list_organizational_units_for_parent;
pub(crate) mod list_parents;
pub(crate) mod list_policies;
pub(crate) mod list_policies_for_target;
pub(crate) mod list_roots;
pub(crate) mod list_tags_for_resource;
pub(crate) mod list_targets_for_policy;
pub(crate) mod move_account;
pub(crate) mod put_resource_policy;
pub(crate) mod register_delegated_administrator;
pub(crate) mod remove_account_from_organization;
pub(crate) mod shared;
pub(crate) mod tag_resource;
pub(crate) mod untag_resource;
pub(crate) mod update_organizational_unit;
pub(crate) mod update_policy;
