//! AWS Organizations' errors: one variant per error shape of its model, with the message AWS
//! answers (the first sentence of the shape's documentation, which is what AWS sends) and,
//! for the shapes that carry one, the `Reason` code. JSON services answer every client error
//! with HTTP 400.

/// An Organizations error, answered as `{"__type": CODE, "Message": …, "Reason": …}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrganizationsError {
    /// The caller's account is in no organization.
    NotInUse,
    /// `CreateOrganization` by an account already in one.
    AlreadyInOrganization,
    /// `DeleteOrganization` while member accounts remain.
    OrganizationNotEmpty,
    /// A limit the operation would break; the model's `ConstraintViolationExceptionReason`.
    ConstraintViolation(&'static str),
    /// A value the model accepts but Organizations does not; the `InvalidInputExceptionReason`
    /// and the message.
    InvalidInput(&'static str, String),
    /// No root or OU has the `ParentId`.
    ParentNotFound,
    /// No OU has the `OrganizationalUnitId`.
    OrganizationalUnitNotFound,
    /// The OU still has accounts or OUs.
    OrganizationalUnitNotEmpty,
    /// The parent already has an OU of that name.
    DuplicateOrganizationalUnit,
    /// No OU or account has the `ChildId`.
    ChildNotFound,
    /// No root has the `RootId`.
    RootNotFound,
    /// No account of the organization has the `AccountId`.
    AccountNotFound,
    /// `MoveAccount`'s source is not the account's parent.
    SourceParentNotFound,
    /// `MoveAccount`'s destination does not exist.
    DestinationParentNotFound,
    /// `MoveAccount` to the parent the account is in.
    DuplicateAccount,
    /// No policy has the `PolicyId`.
    PolicyNotFound,
    /// A policy of the same type has the name already.
    DuplicatePolicy,
    /// The policy is attached to the target already.
    DuplicatePolicyAttachment,
    /// The policy is not attached to the target.
    PolicyNotAttached,
    /// `DeletePolicy` of a policy that is still attached.
    PolicyInUse,
    /// The root has not enabled the policy's type.
    PolicyTypeNotEnabled,
    /// `EnablePolicyType` of a type the root has enabled.
    PolicyTypeAlreadyEnabled,
    /// The feature set does not allow the policy type (consolidated billing only).
    PolicyTypeNotAvailableForOrganization,
    /// The policy document breaks the rules of its type.
    MalformedPolicyDocument,
    /// No root, OU, account or policy has the `TargetId`.
    TargetNotFound,
    /// The caller's policies do not allow the action.
    AccessDenied(String),
    /// The account is a delegated administrator for the service already.
    AccountAlreadyRegistered,
    /// The account is not a delegated administrator for the service.
    AccountNotRegistered,
    /// The organization has no resource policy.
    ResourcePolicyNotFound,
    /// Another request changed the organization meanwhile.
    ConcurrentModification,
    /// The management account cannot leave or be removed from its organization.
    MasterCannotLeaveOrganization,
    /// No `CreateAccount` request has the `CreateAccountRequestId`.
    CreateAccountStatusNotFound,
    /// The body is not the JSON object the protocol requires.
    Serialization,
}

impl OrganizationsError {
    /// The error's `__type`.
    pub fn code(&self) -> &'static str {
        match self {
            OrganizationsError::NotInUse => "AWSOrganizationsNotInUseException",
            OrganizationsError::AlreadyInOrganization => "AlreadyInOrganizationException",
            OrganizationsError::OrganizationNotEmpty => "OrganizationNotEmptyException",
            OrganizationsError::ConstraintViolation(_) => "ConstraintViolationException",
            OrganizationsError::InvalidInput(..) => "InvalidInputException",
            OrganizationsError::ParentNotFound => "ParentNotFoundException",
            OrganizationsError::OrganizationalUnitNotFound => "OrganizationalUnitNotFoundException",
            OrganizationsError::OrganizationalUnitNotEmpty => "OrganizationalUnitNotEmptyException",
            OrganizationsError::DuplicateOrganizationalUnit => {
                "DuplicateOrganizationalUnitException"
            }
            OrganizationsError::ChildNotFound => "ChildNotFoundException",
            OrganizationsError::RootNotFound => "RootNotFoundException",
            OrganizationsError::AccountNotFound => "AccountNotFoundException",
            OrganizationsError::SourceParentNotFound => "SourceParentNotFoundException",
            OrganizationsError::DestinationParentNotFound => "DestinationParentNotFoundException",
            OrganizationsError::DuplicateAccount => "DuplicateAccountException",
            OrganizationsError::PolicyNotFound => "PolicyNotFoundException",
            OrganizationsError::DuplicatePolicy => "DuplicatePolicyException",
            OrganizationsError::DuplicatePolicyAttachment => "DuplicatePolicyAttachmentException",
            OrganizationsError::PolicyNotAttached => "PolicyNotAttachedException",
            OrganizationsError::PolicyInUse => "PolicyInUseException",
            OrganizationsError::PolicyTypeNotEnabled => "PolicyTypeNotEnabledException",
            OrganizationsError::PolicyTypeAlreadyEnabled => "PolicyTypeAlreadyEnabledException",
            OrganizationsError::PolicyTypeNotAvailableForOrganization => {
                "PolicyTypeNotAvailableForOrganizationException"
            }
            OrganizationsError::MalformedPolicyDocument => "MalformedPolicyDocumentException",
            OrganizationsError::TargetNotFound => "TargetNotFoundException",
            OrganizationsError::AccessDenied(_) => "AccessDeniedException",
            OrganizationsError::AccountAlreadyRegistered => "AccountAlreadyRegisteredException",
            OrganizationsError::AccountNotRegistered => "AccountNotRegisteredException",
            OrganizationsError::ResourcePolicyNotFound => "ResourcePolicyNotFoundException",
            OrganizationsError::ConcurrentModification => "ConcurrentModificationException",
            OrganizationsError::CreateAccountStatusNotFound => {
                "CreateAccountStatusNotFoundException"
            }
            OrganizationsError::MasterCannotLeaveOrganization => {
                "MasterCannotLeaveOrganizationException"
            }
            OrganizationsError::Serialization => "SerializationException",
        }
    }

    /// The `Reason` member, for the shapes that have one.
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            OrganizationsError::ConstraintViolation(reason)
            | OrganizationsError::InvalidInput(reason, _) => Some(reason),
            _ => None,
        }
    }

    /// The message, in AWS's words.
    pub fn message(&self) -> String {
        let text = match self {
            OrganizationsError::NotInUse => "Your account is not a member of an organization.",
            OrganizationsError::AlreadyInOrganization => {
                "The AWS account is already a member of an organization."
            }
            OrganizationsError::OrganizationNotEmpty => {
                "The organization isn't empty. To delete an organization, you must first remove \
                 all accounts except the management account."
            }
            OrganizationsError::ConstraintViolation(reason) => constraint_message(reason),
            OrganizationsError::InvalidInput(_, message)
            | OrganizationsError::AccessDenied(message) => return message.clone(),
            OrganizationsError::ParentNotFound => {
                "We can't find a root or OU with the ParentId that you specified."
            }
            OrganizationsError::OrganizationalUnitNotFound => {
                "We can't find an OU with the OrganizationalUnitId that you specified."
            }
            OrganizationsError::OrganizationalUnitNotEmpty => {
                "The specified OU is not empty. Move all accounts to another root or to other \
                 OUs, remove all child OUs, and try the operation again."
            }
            OrganizationsError::DuplicateOrganizationalUnit => {
                "An OU with the same name already exists."
            }
            OrganizationsError::ChildNotFound => {
                "We can't find an organizational unit (OU) or AWS account with the ChildId that \
                 you specified."
            }
            OrganizationsError::RootNotFound => {
                "We can't find a root with the RootId that you specified."
            }
            OrganizationsError::AccountNotFound => "You specified an account that doesn't exist.",
            OrganizationsError::SourceParentNotFound => {
                "We can't find a source root or OU with the ParentId that you specified."
            }
            OrganizationsError::DestinationParentNotFound => {
                "We can't find the destination container (a root or OU) with the ParentId that \
                 you specified."
            }
            OrganizationsError::DuplicateAccount => {
                "That account is already present in the specified destination."
            }
            OrganizationsError::PolicyNotFound => {
                "We can't find a policy with the PolicyId that you specified."
            }
            OrganizationsError::DuplicatePolicy => "A policy with the same name already exists.",
            OrganizationsError::DuplicatePolicyAttachment => {
                "The selected policy is already attached to the specified target."
            }
            OrganizationsError::PolicyNotAttached => {
                "The policy isn't attached to the specified target in the specified root."
            }
            OrganizationsError::PolicyInUse => {
                "The policy is attached to one or more entities. You must detach it from all \
                 roots, OUs, and accounts before performing this operation."
            }
            OrganizationsError::PolicyTypeNotEnabled => {
                "This operation can be performed only for enabled policy types."
            }
            OrganizationsError::PolicyTypeAlreadyEnabled => {
                "The specified policy type is already enabled."
            }
            OrganizationsError::PolicyTypeNotAvailableForOrganization => {
                "You can't use the specified policy type with the feature set currently enabled \
                 for this organization."
            }
            OrganizationsError::MalformedPolicyDocument => {
                "The provided policy document does not meet the requirements of the specified \
                 policy type."
            }
            OrganizationsError::TargetNotFound => {
                "We can't find a root, OU, account, or policy with the TargetId that you \
                 specified."
            }
            OrganizationsError::AccountAlreadyRegistered => {
                "The provided account is already a delegated administrator for your organization."
            }
            OrganizationsError::AccountNotRegistered => {
                "The provided account is not a registered delegated administrator for this \
                 service."
            }
            OrganizationsError::ResourcePolicyNotFound => {
                "We can't find a resource policy request with the parameter that you specified."
            }
            OrganizationsError::ConcurrentModification => {
                "AWS Organizations can't complete your request because it conflicts with another \
                 attempt to modify the same entity. Try again later."
            }
            OrganizationsError::MasterCannotLeaveOrganization => {
                "You can't remove a management account from an organization. If you want the \
                 management account to become a member account in another organization, you \
                 must first delete the current organization of the management account."
            }
            OrganizationsError::CreateAccountStatusNotFound => {
                "We can't find an create account request with the CreateAccountRequestId that you \
                 specified."
            }
            OrganizationsError::Serialization => {
                "Start of structure or map found where not expected."
            }
        };
        text.to_owned()
    }
}

/// The message of a `ConstraintViolationException` of `reason`.
fn constraint_message(reason: &str) -> &'static str {
    match reason {
        "OU_DEPTH_LIMIT_EXCEEDED" => "You have exceeded the max depth of OUs.",
        "OU_NUMBER_LIMIT_EXCEEDED" => {
            "You have reached the maximum number of OUs in your organization."
        }
        "POLICY_NUMBER_LIMIT_EXCEEDED" => {
            "You have reached the maximum number of policies of this type in your organization."
        }
        "POLICY_CONTENT_LIMIT_EXCEEDED" => {
            "You attempted to create a policy larger than the maximum size."
        }
        "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED" => {
            "You have attached the maximum number of policies of this type to the entity."
        }
        "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED" => {
            "You attempted to detach a policy from an entity that would cause the entity to have \
             fewer than the minimum number of policies of a certain type required."
        }
        "MAX_TAG_LIMIT_EXCEEDED" => {
            "You have exceeded the number of tags allowed on this resource."
        }
        "CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR" => {
            "You cannot register the management account of the organization as a delegated \
             administrator for an AWS service integrated with Organizations."
        }
        "ORGANIZATION_NOT_IN_ALL_FEATURES_MODE" => {
            "You attempted to perform an operation that requires the organization to be \
             configured to support all features."
        }
        _ => "Performing this operation violates a minimum or maximum value limit.",
    }
}

impl From<OrganizationsError> for super::ApiError {
    fn from(e: OrganizationsError) -> Self {
        super::ApiError::Organizations(e)
    }
}
