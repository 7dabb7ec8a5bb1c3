#pragma once

#include "engine/result.h"
#include "engine/target.h"

namespace Flotilla {

// The tenant's configuration (hawkBit's tenant configuration values: polling times, flows, quotas).
class ConfigurationStore
{
public:
    virtual ~ConfigurationStore() = default;

    virtual TenantConfiguration tenantConfiguration() = 0;
    virtual Result<void> setTenantConfiguration(const TenantConfiguration &config) = 0;
};

} // namespace Flotilla
